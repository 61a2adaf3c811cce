package dev.nnfs.service.network;

/**
 * The float32 element type: batches of {@code float[]}, computed as nnfs computes under
 * {@code nnfs.init()}.
 */
final class Float32 implements ElementType<float[]> {

	static final Float32 TYPE = new Float32();

	private final BlockPool<float[]> blocks = new BlockPool<>(Float32Block::new);

	private Float32() {
	}

	@Override
	public float[] newArray(int length) {
		return new float[length];
	}

	@Override
	public BlockPool<float[]> blocks() {
		return blocks;
	}

}

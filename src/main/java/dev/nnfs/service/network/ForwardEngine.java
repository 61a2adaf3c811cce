package dev.nnfs.service.network;

import dev.nnfs.service.tensor.FloatBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs batches forward through a network's layers:
 * {@code [rows, in] → ... → [rows, out]}.
 *
 * <p>
 * Every pass takes the batch through the whole network one block of rows at a time
 * ({@link BlockPipeline}), so a block's intermediates stay in the core's cache (the
 * float64 products of a 100,000 × 64 layer are 51 MB; a block's are half a megabyte). The
 * strategy depends on the pass's size, {@code rows × Σ inputs × neurons} multiply-adds
 * against {@link EngineSettings#nativeMinMacs()}:
 * <ul>
 * <li>small passes run in plain Java on the calling thread, without a native call (one
 * costs about 5 µs, more than the whole pass of the book's network);
 * <li>large ones multiply their wide dense layers with one dgemm per block, and share the
 * blocks with the {@link HelperThread} when it is free.
 * </ul>
 * Both round each dot product's float64 sum of exact products, summed in input order,
 * once to float32, as dgemm does with the kernels {@link BlasSummationOrder} checks for:
 * a batch gives the same bits whichever strategy, block size or thread computes it.
 *
 * <p>
 * An engine holds only its settings; the helper thread and the blocks' buffers are the
 * process's. {@link #standard()} is the engine with {@link EngineSettings#defaults()}.
 */
public final class ForwardEngine {

	private static final ForwardEngine STANDARD = new ForwardEngine(EngineSettings.defaults());

	private final EngineSettings settings;

	public ForwardEngine(EngineSettings settings) {
		this.settings = settings;
	}

	/** The engine with {@link EngineSettings#defaults()}. */
	public static ForwardEngine standard() {
		return STANDARD;
	}

	/**
	 * Runs {@code inputs} through every layer (the inputs are left alone).
	 * @param keepLayerOutputs whether to return each layer's output (else only the last)
	 * @return one batch per layer when {@code keepLayerOutputs}, else a single-element
	 * list; each of the same rank as {@code inputs}
	 */
	public List<FloatBatch> forward(List<Layer> layers, FloatBatch inputs, boolean keepLayerOutputs) {
		try (ForwardPass<float[]> pass = start(layers, inputs, keepLayerOutputs)) {
			pass.awaitRows(pass.rows());
			List<float[]> outputs = pass.outputs();
			List<FloatBatch> result = new ArrayList<>(keepLayerOutputs ? outputs.size() : 1);
			for (int i = 0; i < outputs.size(); i++) {
				if (outputs.get(i) != null) {
					result.add(inputs.withValues(outputs.get(i), pass.width(i)));
				}
			}
			return result;
		}
	}

	/**
	 * Whether the output for {@code inputs} may be written while it is computed
	 * ({@link StreamedForwardResponse}): a large pass whose every output value
	 * {@link OutputBounds} proves finite beforehand.
	 */
	boolean streams(List<Layer> layers, FloatBatch inputs) {
		return large(layers, inputs.rows()) && OutputBounds.finite(layers, inputs.values());
	}

	/**
	 * Starts a pass: when it is large and the helper is free, the helper begins on the
	 * first blocks at once; the calling thread computes blocks as it asks for rows
	 * ({@link ForwardPass#awaitRows}). The caller must close it.
	 */
	ForwardPass<float[]> start(List<Layer> layers, FloatBatch inputs, boolean keepLayerOutputs) {
		boolean large = large(layers, inputs.rows());
		BlockPipeline<float[]> pipeline = new BlockPipeline<>(Float32.TYPE, layers, inputs.values(), inputs.rows(),
				inputs.cols(), keepLayerOutputs, large, settings);
		// Blocks whose buffers outgrew a few of this engine's blocks are not kept for
		// later passes.
		return ForwardPass.start(pipeline, large && settings.parallel() ? HelperThread.shared() : null,
				4L * settings.blockDoubles());
	}

	private boolean large(List<Layer> layers, int rows) {
		long macs = 0;
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				macs += (long) rows * dense.inputs() * dense.neurons();
			}
		}
		return macs > settings.nativeMinMacs();
	}

}

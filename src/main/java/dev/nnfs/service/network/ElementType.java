package dev.nnfs.service.network;

/**
 * An element type the {@link ForwardEngine} computes in: how its arrays are made and
 * where its blocks come from. The engine's scheduling ({@link ForwardPass}), its steps
 * through the layers ({@link BlockPipeline}) and the dense products on float64 columns
 * ({@link ColumnKernels}, {@link NativeScratch}) are the same for every type; a type
 * brings its {@link Block} subclass and its kernels ({@link Float32}:
 * {@link Float32Block}, {@link Float32Kernels}).
 *
 * @param <A> the type's array, row-major batches of it ({@code float[]})
 */
interface ElementType<A> {

	/** A new array of {@code length} values. */
	A newArray(int length);

	/** Where this type's blocks are lent from between passes. */
	BlockPool<A> blocks();

}

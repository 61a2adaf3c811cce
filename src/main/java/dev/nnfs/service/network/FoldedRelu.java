package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activations;

/**
 * A ReLU folded into the pass that finishes the dense layer before it, or none. Both
 * kinds give {@link Activations#relu}'s bits on the values they are used for.
 */
enum FoldedRelu {

	/** No ReLU follows, or its input is kept as a layer output of its own. */
	NONE,

	/**
	 * Used when {@link OutputBounds} proves the dense layer's output free of NaN. Since
	 * relu follows numpy 2's {@code np.maximum} (NaN and -0.0 kept), both folded kinds
	 * run the same kernel, {@link Float32Kernels#relu}.
	 */
	MAX,

	/** Used when the output may hold NaN: {@link Activations#relu}, NaN stays NaN. */
	NAN_TO_ZERO

}

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
	 * {@code Math.max(y, 0f)}, which the JIT vectorises: used when {@link OutputBounds}
	 * proves the dense layer's output free of NaN, the one input on which it differs from
	 * {@link Activations#relu}.
	 */
	MAX,

	/** {@link Activations#relu}: NaN becomes 0, as the ND4J kernel does. */
	NAN_TO_ZERO

}

package dev.nnfs.service.network;

/**
 * One layer of a {@link Network}: a {@link DenseLayer}
 * ({@code [batch, in] → [batch, neurons]}) or an {@link ActivationLayer} (same shape in
 * and out). Sealed, so the engine's switch over layers is checked by the compiler.
 */
public sealed interface Layer permits DenseLayer, ActivationLayer {

}

package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activation;

/**
 * An activation applied to the output of the layer before it, with resolved parameters.
 */
public record ActivationLayer(Activation activation, double[] params) implements Layer {
}

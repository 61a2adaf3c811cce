package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activation;
import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.network.ForwardRequest.LayerSpec;
import dev.nnfs.service.numpy.NumpyRandom;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.spiral.Spiral;
import dev.nnfs.service.spiral.SpiralData;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a {@link ForwardRequest} against the contract and the {@link Limits}, and builds what it
 * describes: the input batch (given, or nnfs spiral data drawn from the stream), the labels, and
 * the layers, seeded layers drawing their weights in nnfs's order (the spiral first, then each
 * dense layer's weights in layer order). Every mistake is reported with the JSON Pointer of the
 * offending field.
 */
public final class NetworkBuilder {

	/** nnfs's {@code 0.01 * np.random.randn(n_inputs, n_neurons)}. */
	public static final double DEFAULT_WEIGHT_SCALE = 0.01;

	/** What a request asks to see of each layer. */
	public enum Detail {

		NONE, LAYERS, ALL

	}

	/** A checked, built request. */
	public record Plan(long seed, FloatBatch inputs, int[] labels, Network network, Detail detail, long draws) {
	}

	private final Activations activations;

	private final Limits limits;

	public NetworkBuilder(Activations activations, Limits limits) {
		this.activations = activations;
		this.limits = limits;
	}

	public Plan build(ForwardRequest request) {
		long seed = request.seed() == null ? 0 : request.seed();
		if (seed < 0 || seed > NumpyRandom.MAX_SEED) {
			throw InvalidInputException.at("/seed", "must be from 0 to " + NumpyRandom.MAX_SEED + ", not " + seed);
		}
		long skip = request.skip() == null ? 0 : request.skip();
		if (skip < 0) {
			throw InvalidInputException.at("/skip", "must not be negative, not " + skip);
		}
		if (skip > limits.maxSkip()) {
			throw new LimitExceededException("nnfs.limits.max-skip", limits.maxSkip(), "/skip",
					"skip is over the limit of " + limits.maxSkip() + " (nnfs.limits.max-skip)");
		}
		Detail detail = detail(request.returnLayers());
		List<LayerSpec> specs = request.layers();
		if (specs == null || specs.isEmpty()) {
			throw InvalidInputException.at("/layers", "must list at least one layer");
		}
		if (specs.size() > limits.maxLayers()) {
			throw new LimitExceededException("nnfs.limits.max-layers", limits.maxLayers(), "/layers",
					specs.size() + " layers are over the limit of " + limits.maxLayers() + " (nnfs.limits.max-layers)");
		}

		NumpyRandom rng = new NumpyRandom(seed);
		rng.skip(skip);

		FloatBatch inputs;
		int[] labels = null;
		if (request.inputs() != null && request.spiral() != null) {
			throw InvalidInputException.at("/spiral", "give either inputs or spiral, not both");
		}
		if (request.inputs() != null) {
			inputs = request.inputs();
		}
		else if (request.spiral() != null) {
			Spiral spiral = spiral(request.spiral(), rng);
			inputs = FloatBatch.of(spiral.points(), spiral.rows(), 2);
			labels = spiral.labels();
		}
		else {
			throw InvalidInputException.at("/inputs", "is required (or spiral, to generate the data)");
		}

		List<Layer> layers = new ArrayList<>(specs.size());
		int width = inputs.cols();
		long weightCount = 0;
		for (int i = 0; i < specs.size(); i++) {
			LayerSpec spec = specs.get(i);
			String at = "/layers/" + i;
			if (spec == null) {
				throw InvalidInputException.at(at, "must be a layer object");
			}
			String type = spec.type();
			if ("dense".equals(type)) {
				noActivationFields(spec, at);
				DenseLayer dense = dense(spec, at, width, rng, weightCount);
				weightCount += (long) dense.inputs() * dense.neurons();
				width = dense.neurons();
				layers.add(dense);
			}
			else if ("activation".equals(type)) {
				noDenseFields(spec, at);
				layers.add(activation(spec, at));
			}
			else {
				throw InvalidInputException.at(at + "/type",
						type == null ? "is required: dense or activation" : "must be dense or activation, not '" + type + "'");
			}
			if ((long) inputs.rows() * width > limits.maxLayerOutputValues()) {
				throw new LimitExceededException("nnfs.limits.max-layer-output-values", limits.maxLayerOutputValues(), at,
						"rows × neurons of this layer's output is over the limit of " + limits.maxLayerOutputValues()
								+ " (nnfs.limits.max-layer-output-values)");
			}
		}

		if (request.labels() != null) {
			if (request.spiral() != null) {
				throw InvalidInputException.at("/labels", "the spiral brings its own labels; leave labels out");
			}
			labels = labels(request.labels(), inputs.rows(), width);
		}
		else if (labels != null) {
			// A spiral's labels are scored only when the last layer has an output per class; otherwise
			// the pass is just a look at the data through the layers, without loss and accuracy.
			int outputs = width;
			if (Arrays.stream(labels).anyMatch((l) -> l >= outputs)) {
				labels = null;
			}
		}
		return new Plan(seed, inputs, labels, new Network(layers), detail, rng.draws());
	}

	private Spiral spiral(ForwardRequest.SpiralSpec spec, NumpyRandom rng) {
		int samples = positive(spec.samples(), "/spiral/samples");
		int classes = positive(spec.classes(), "/spiral/classes");
		if ((long) samples * classes > limits.maxSpiralPoints()) {
			throw new LimitExceededException("nnfs.limits.max-spiral-points", limits.maxSpiralPoints(), "/spiral",
					"samples × classes = " + (long) samples * classes + " is over the limit of "
							+ limits.maxSpiralPoints() + " (nnfs.limits.max-spiral-points)");
		}
		return SpiralData.spiralData(samples, classes, rng);
	}

	/** A dense layer, checked against the limits before any weight is drawn or copied. */
	private DenseLayer dense(LayerSpec spec, String at, int width, NumpyRandom rng, long weightsBefore) {
		int neurons = positive(spec.neurons(), at + "/neurons");
		if (neurons > limits.maxNeurons()) {
			throw new LimitExceededException("nnfs.limits.max-neurons", limits.maxNeurons(), at + "/neurons",
					neurons + " neurons are over the limit of " + limits.maxNeurons() + " (nnfs.limits.max-neurons)");
		}
		if (weightsBefore + (long) width * neurons > limits.maxWeights()) {
			throw new LimitExceededException("nnfs.limits.max-weights", limits.maxWeights(), at,
					"the network has more than " + limits.maxWeights() + " weights (nnfs.limits.max-weights)");
		}
		if (spec.inputs() != null && spec.inputs() != width) {
			throw InvalidInputException.at(at + "/inputs",
					"is " + spec.inputs() + " but " + width + " values reach this layer");
		}
		FloatBatch w = spec.weights();
		FloatBatch b = spec.biases();
		if (w == null) {
			if (b != null) {
				throw InvalidInputException.at(at + "/biases", "biases need explicit weights; drawn weights have zero biases");
			}
			double scale = spec.weightScale() == null ? DEFAULT_WEIGHT_SCALE : spec.weightScale();
			if (!Double.isFinite(scale) || !Float.isFinite((float) scale)) {
				throw InvalidInputException.at(at + "/weightScale", "must be a finite float32 number");
			}
			return DenseLayer.seeded(width, neurons, (float) scale, rng);
		}
		if (spec.weightScale() != null) {
			throw InvalidInputException.at(at + "/weightScale", "applies to drawn weights only; these are explicit");
		}
		if (w.rank1() || w.rows() != width || w.cols() != neurons) {
			throw InvalidInputException.at(at + "/weights", "must be [" + width + ", " + neurons + "] (incoming width × neurons), not "
					+ Arrays.toString(w.shape()));
		}
		float[] biases = new float[neurons];
		if (b != null) {
			if (b.rows() != 1 || b.cols() != neurons) {
				throw InvalidInputException.at(at + "/biases", "must hold " + neurons + " values (one per neuron), not shape "
						+ Arrays.toString(b.shape()));
			}
			biases = b.values();
		}
		return new DenseLayer(width, neurons, w.values(), biases);
	}

	private ActivationLayer activation(LayerSpec spec, String at) {
		if (spec.name() == null) {
			throw InvalidInputException.at(at + "/name", "is required; known activations: "
					+ String.join(", ", activations.names()));
		}
		Activation activation = activations.find(spec.name())
			.orElseThrow(() -> InvalidInputException.at(at + "/name", "unknown activation '" + spec.name()
					+ "'; known activations: " + String.join(", ", activations.names())));
		try {
			return new ActivationLayer(activation, activation.resolve(spec.params()));
		}
		catch (Activation.InvalidParamException ex) {
			throw InvalidInputException.at(at + "/params/" + ex.param(), ex.getMessage());
		}
	}

	private static void noActivationFields(LayerSpec spec, String at) {
		if (spec.name() != null) {
			throw InvalidInputException.at(at + "/name", "does not apply to a dense layer");
		}
		if (spec.params() != null) {
			throw InvalidInputException.at(at + "/params", "does not apply to a dense layer");
		}
	}

	private static void noDenseFields(LayerSpec spec, String at) {
		String field = spec.neurons() != null ? "neurons" : spec.inputs() != null ? "inputs"
				: spec.weights() != null ? "weights" : spec.biases() != null ? "biases"
						: spec.weightScale() != null ? "weightScale" : null;
		if (field != null) {
			throw InvalidInputException.at(at + "/" + field, "does not apply to an activation layer");
		}
	}

	/** Class indices from indices or one-hot rows, checked against the rows and the outputs. */
	private static int[] labels(FloatBatch given, int rows, int outputs) {
		int[] labels = new int[given.rank1() ? given.cols() : given.rows()];
		if (labels.length != rows) {
			throw InvalidInputException.at("/labels", "has " + labels.length + " labels for " + rows + " rows");
		}
		float[] v = given.values();
		if (given.rank1()) {
			for (int i = 0; i < labels.length; i++) {
				float f = v[i];
				if (f != Math.rint(f) || f < 0) {
					throw InvalidInputException.at("/labels/" + i, "must be a class index (a whole number ≥ 0), not " + f);
				}
				if (f >= outputs) {
					throw InvalidInputException.at("/labels/" + i,
							"class " + (long) f + " does not exist: the network has " + outputs + " outputs");
				}
				labels[i] = (int) f;
			}
			return labels;
		}
		if (given.cols() != outputs) {
			throw InvalidInputException.at("/labels", "one-hot rows have " + given.cols() + " columns but the network has "
					+ outputs + " outputs");
		}
		for (int r = 0; r < rows; r++) {
			int hot = -1;
			for (int c = 0; c < outputs; c++) {
				float f = v[r * outputs + c];
				if (f == 1f && hot < 0) {
					hot = c;
				}
				else if (f != 0f) {
					hot = -2;
					break;
				}
			}
			if (hot < 0) {
				throw InvalidInputException.at("/labels/" + r, "a one-hot row has exactly one 1 and 0 elsewhere");
			}
			labels[r] = hot;
		}
		return labels;
	}

	private static int positive(Integer value, String pointer) {
		if (value == null) {
			throw InvalidInputException.at(pointer, "is required");
		}
		if (value < 1) {
			throw InvalidInputException.at(pointer, "must be at least 1, not " + value);
		}
		return value;
	}

	private static Detail detail(Object returnLayers) {
		if (returnLayers == null || Boolean.FALSE.equals(returnLayers)) {
			return Detail.NONE;
		}
		if (Boolean.TRUE.equals(returnLayers)) {
			return Detail.LAYERS;
		}
		if ("all".equals(returnLayers)) {
			return Detail.ALL;
		}
		throw InvalidInputException.at("/returnLayers", "must be true, false or \"all\"");
	}

}

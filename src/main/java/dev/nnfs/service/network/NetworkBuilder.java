package dev.nnfs.service.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.nnfs.service.activation.Activation;
import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.network.ForwardRequest.ActivationSpec;
import dev.nnfs.service.network.ForwardRequest.DenseSpec;
import dev.nnfs.service.network.ForwardRequest.LayerSpec;
import dev.nnfs.service.network.ForwardRequest.SpiralSpec;
import dev.nnfs.service.numpy.NumpyRandom;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.spiral.Spiral;
import dev.nnfs.service.spiral.SpiralCache;
import dev.nnfs.service.spiral.SpiralRules;
import dev.nnfs.service.libm.PlatformLibm;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;
import dev.nnfs.service.tensor.JsonBody;

/**
 * Checks a {@link ForwardRequest} against the contract and the {@link Limits}
 * ({@link #check}), and builds what it describes ({@link #build}): the input batch
 * (given, or nnfs spiral data drawn from the stream), the labels, and the layers, seeded
 * layers drawing their weights in nnfs's order (the spiral first, then each dense layer's
 * weights in layer order).
 *
 * <p>
 * The check finds every mistake of a request, each with the JSON Pointer of the offending
 * field, without drawing a number; a limit that is crossed is reported on its own (its
 * problem names the limit), and only when the request has no other mistake.
 */
public final class NetworkBuilder {

	/** nnfs's {@code 0.01 * np.random.randn(n_inputs, n_neurons)}. */
	public static final double DEFAULT_WEIGHT_SCALE = 0.01;

	/** What a request asks to see of each layer. */
	public enum Detail {

		NONE, LAYERS, ALL

	}

	/** A checked, built request. */
	public record Plan(long seed, DType dtype, Batch inputs, int[] labels, Network network, Detail detail, long draws) {

		/** The inputs of a float32 plan. */
		public FloatBatch floatInputs() {
			return (FloatBatch) inputs;
		}

	}

	private final Activations activations;

	private final Limits limits;

	private final ForwardEngine engine;

	/** A builder whose networks run on {@link ForwardEngine#standard()}. */
	/**
	 * Spirals drawn before, with the stream after each (the book's is asked for often).
	 */
	private final SpiralCache spirals = new SpiralCache();

	public NetworkBuilder(Activations activations, Limits limits) {
		this(activations, limits, ForwardEngine.standard());
	}

	public NetworkBuilder(Activations activations, Limits limits, ForwardEngine engine) {
		this.activations = activations;
		this.limits = limits;
		this.engine = engine;
	}

	/**
	 * Adds every mistake of {@code request} to {@code violations}.
	 * @throws LimitExceededException for the first limit crossed, when there is no other
	 * mistake
	 */
	public void check(ForwardRequest request, Violations violations) {
		new Check(request, violations).run();
	}

	/**
	 * Checks the request ({@link #check}) and builds it.
	 * @throws dev.nnfs.service.problem.InvalidInputException listing every mistake
	 * @throws LimitExceededException for a limit crossed
	 */
	public Plan build(ForwardRequest request) {
		Violations violations = new Violations();
		check(request, violations);
		violations.throwIfAny();

		long seed = request.seed() == null ? 0 : request.seed();
		DType dtype = DType.parse(request.dtype() == null ? "float32" : request.dtype());
		boolean float64 = dtype == DType.FLOAT64;
		NumpyRandom rng = new NumpyRandom(seed);
		long skip = request.skip() == null ? 0 : request.skip();
		rng.skip(skip);
		Batch inputs;
		int[] labels = null;
		if (request.inputs() == null) {
			int samples = request.spiral().samples().intValue();
			int classes = request.spiral().classes().intValue();
			Spiral spiral = this.spirals.draw(seed, skip, samples, classes, float64, rng);
			inputs = spiral.batch();
			labels = spiral.labels();
		}
		else {
			inputs = float64 ? request.inputs() : request.inputs().toFloat32();
		}
		List<Layer> layers = new ArrayList<>(request.layers().size());
		int width = inputs.cols();
		for (LayerSpec spec : request.layers()) {
			if (spec instanceof DenseSpec dense) {
				DenseLayer layer = float64 ? dense64(dense, width, rng) : dense(dense, width, rng);
				width = layer.neurons();
				layers.add(layer);
			}
			else {
				ActivationSpec a = (ActivationSpec) spec;
				Activation activation = activations.find(a.name()).orElseThrow();
				layers.add(new ActivationLayer(activation, activation.resolve(a.params(), (name, message) -> {
					throw new IllegalStateException("unchecked parameter " + name);
				})));
			}
		}
		if (request.labels() != null) {
			labels = labels(request.labels(), inputs.rows(), width, new Violations());
		}
		else if (labels != null) {
			// A spiral's labels are scored only when the last layer has an output per
			// class; otherwise
			// the pass is just a look at the data through the layers, without loss and
			// accuracy.
			for (int label : labels) {
				if (label >= width) {
					labels = null;
					break;
				}
			}
		}
		return new Plan(seed, dtype, inputs, labels, new Network(layers, engine), detail(request.returnLayers()),
				rng.draws());
	}

	private static DenseLayer dense(DenseSpec spec, int width, NumpyRandom rng) {
		if (spec.weights() == null) {
			double scale = spec.weightScale() == null ? DEFAULT_WEIGHT_SCALE : spec.weightScale();
			return DenseLayer.seeded(width, spec.neurons().intValue(), (float) scale, rng);
		}
		int neurons = spec.weights().cols();
		float[] biases = spec.biases() == null ? new float[neurons] : spec.biases().toFloat32().values();
		return new DenseLayer(width, neurons, spec.weights().toFloat32().values(), biases);
	}

	private static DenseLayer dense64(DenseSpec spec, int width, NumpyRandom rng) {
		if (spec.weights() == null) {
			double scale = spec.weightScale() == null ? DEFAULT_WEIGHT_SCALE : spec.weightScale();
			return DenseLayer.seeded64(width, spec.neurons().intValue(), scale, rng, PlatformLibm.get());
		}
		int neurons = spec.weights().cols();
		double[] biases = spec.biases() == null ? new double[neurons] : spec.biases().values();
		return DenseLayer.float64(width, neurons, spec.weights().values(), biases);
	}

	/**
	 * Checks {@code nnfs.limits.max-layer-output-values} for {@code rows} rows through a
	 * stored network: every layer's output, or with {@link Detail#ALL} (every output
	 * kept) their sum.
	 * @param inputWidth the width of the rows, what an activation before the first dense
	 * layer outputs
	 * @param pointer where the rows come from in the request
	 * @throws LimitExceededException naming the limit and the first layer over it
	 */
	public static void checkOutputs(List<Layer> layers, long rows, long inputWidth, Detail detail, Limits limits,
			String pointer) {
		long width = inputWidth;
		long kept = 0;
		for (int i = 0; i < layers.size(); i++) {
			if (layers.get(i) instanceof DenseLayer dense) {
				width = dense.neurons();
			}
			kept += rows * width;
			LimitExceededException over = outputLimit(limits, detail == Detail.ALL ? kept : rows * width,
					detail == Detail.ALL, pointer, rows + " rows through layer " + i + ": ");
			if (over != null) {
				throw over;
			}
		}
	}

	/**
	 * The limit's 400 when {@code values} (one output, or all kept so far) are over it.
	 */
	private static LimitExceededException outputLimit(Limits limits, long values, boolean allKept, String at,
			String prefix) {
		long max = limits.maxLayerOutputValues();
		if (values <= max) {
			return null;
		}
		return new LimitExceededException("nnfs.limits.max-layer-output-values", max, at, prefix
				+ (allKept ? "rows × neurons summed over the layers whose outputs are returned (returnLayers: all)"
						: "rows × neurons of this layer's output")
				+ " is over the limit of " + max + " (nnfs.limits.max-layer-output-values)");
	}

	/** What {@code returnLayers} asks for: false or absent, true, or "all". */
	public static Detail detail(Object returnLayers) {
		if (Boolean.TRUE.equals(returnLayers)) {
			return Detail.LAYERS;
		}
		return "all".equals(returnLayers) ? Detail.ALL : Detail.NONE;
	}

	/**
	 * One pass over a request, collecting its mistakes; the first limit crossed is kept
	 * aside.
	 */
	private final class Check {

		private final ForwardRequest request;

		private final Violations v;

		private LimitExceededException limit;

		/** Whether the request computes in float32, where its numbers must fit. */
		private boolean float32 = true;

		Check(ForwardRequest request, Violations violations) {
			this.request = request;
			this.v = violations;
		}

		void run() {
			DType dtype = DType.of(request.dtype(), "/dtype", v);
			float32 = dtype == DType.FLOAT32;
			if (float32) {
				fitsFloat32(request.inputs(), "/inputs");
			}
			if (request.seed() != null) {
				mistake("/seed", SpiralRules.seed(request.seed()));
			}
			if (request.skip() != null) {
				mistake("/skip", SpiralRules.skip(request.skip()));
				over(SpiralRules.skipLimit(request.skip(), limits, "/skip", null));
			}
			// rows and width of what reaches the next layer; -1 while unknown (data
			// missing or wrong)
			long rows = -1;
			long width = -1;
			DoubleBatch inputs = request.inputs();
			SpiralSpec spiral = request.spiral();
			if (inputs != null && spiral != null) {
				v.at("/spiral", "give either inputs or spiral, not both");
			}
			else if (inputs != null) {
				rows = inputs.rows();
				width = inputs.cols();
			}
			else if (spiral != null) {
				if (spiral(spiral)) {
					rows = spiral.samples() * spiral.classes();
					width = 2;
				}
			}
			else {
				v.at("/inputs", "is required (or spiral, to generate the data)");
			}
			List<LayerSpec> layers = request.layers();
			if (layers == null || layers.isEmpty()) {
				v.at("/layers", layers == null ? "is required: a list of layers" : "must list at least one layer");
				layers = List.of();
			}
			else if (layers.size() > limits.maxLayers()) {
				over(new LimitExceededException("nnfs.limits.max-layers", limits.maxLayers(), "/layers", layers.size()
						+ " layers are over the limit of " + limits.maxLayers() + " (nnfs.limits.max-layers)"));
			}
			long weights = 0;
			boolean keepsAll = detail(request.returnLayers()) == Detail.ALL;
			long kept = 0;
			for (int i = 0; i < layers.size(); i++) {
				String at = "/layers/" + i;
				LayerSpec spec = layers.get(i);
				if (spec instanceof DenseSpec dense) {
					long neurons = dense(dense, at, width, weights);
					if (neurons > 0 && width > 0) {
						weights += width * neurons;
					}
					width = neurons;
				}
				else if (spec instanceof ActivationSpec activation) {
					activation(activation, at);
				}
				else if (spec == null) {
					v.at(at, "must be a layer object with a type: dense or activation");
				}
				if (rows > 0 && width > 0) {
					kept += rows * width;
					over(outputLimit(limits, keepsAll ? kept : rows * width, keepsAll, at, ""));
				}
			}
			if (request.labels() != null) {
				if (spiral != null) {
					v.at("/labels", "the spiral brings its own labels; leave labels out");
				}
				else if (rows > 0) {
					labels(request.labels(), (int) rows, width > 0 ? (int) width : -1, v);
				}
			}
			if (v.isEmpty() && limit != null) {
				throw limit;
			}
		}

		/** Checks a spiral's numbers; true when they describe one that may be drawn. */
		private boolean spiral(SpiralSpec spiral) {
			int before = v.size();
			Long samples = spiral.samples();
			Long classes = spiral.classes();
			if (samples == null) {
				v.at("/spiral/samples", "is required");
			}
			else {
				mistake("/spiral/samples", SpiralRules.count(samples));
			}
			if (classes == null) {
				v.at("/spiral/classes", "is required");
			}
			else {
				mistake("/spiral/classes", SpiralRules.count(classes));
			}
			if (v.size() > before) {
				return false;
			}
			LimitExceededException over = SpiralRules.points(samples, classes, limits, "/spiral");
			over(over);
			return over == null;
		}

		/**
		 * Checks a dense layer against the width that reaches it (-1 when unknown),
		 * before any weight is drawn or copied; returns its number of neurons, or -1 when
		 * that is unknown.
		 */
		private long dense(DenseSpec spec, String at, long width, long weightsBefore) {
			DoubleBatch w = spec.weights();
			DoubleBatch b = spec.biases();
			if (float32) {
				fitsFloat32(w, at + "/weights");
				fitsFloat32(b, at + "/biases");
			}
			long neurons = -1;
			if (spec.neurons() != null) {
				neurons = spec.neurons();
				if (neurons < 1) {
					v.at(at + "/neurons", "must be an integer of at least 1, not " + neurons);
					neurons = -1;
				}
				else if (neurons > limits.maxNeurons()) {
					over(new LimitExceededException("nnfs.limits.max-neurons", limits.maxNeurons(), at + "/neurons",
							neurons + " neurons are over the limit of " + limits.maxNeurons()
									+ " (nnfs.limits.max-neurons)"));
					neurons = -1;
				}
			}
			if (spec.inputs() != null && width > 0 && spec.inputs() != width) {
				v.at(at + "/inputs", "is " + spec.inputs() + " but " + width + " values reach this layer");
			}
			if (w == null) {
				if (spec.neurons() == null) {
					v.at(at + "/neurons", "is required when weights are not given");
				}
				if (b != null) {
					v.at(at + "/biases", "biases need explicit weights; drawn weights have zero biases");
				}
				Double scale = spec.weightScale();
				if (scale != null && (float32 ? !Float.isFinite(scale.floatValue()) : !Double.isFinite(scale))) {
					v.at(at + "/weightScale",
							"must be a finite " + (float32 ? "float32" : "float64") + " number, not " + scale);
				}
			}
			else {
				if (spec.weightScale() != null) {
					v.at(at + "/weightScale", "applies to drawn weights only; these are explicit");
				}
				if (w.rank1()) {
					v.at(at + "/weights", "must be a matrix [" + (width > 0 ? width : "inputs")
							+ ", neurons] (one row per input), not " + Arrays.toString(w.shape()));
				}
				else {
					if (spec.neurons() != null && neurons > 0 && w.cols() != neurons) {
						v.at(at + "/weights",
								"must be [" + (width > 0 ? width : w.rows()) + ", " + neurons
										+ "] (incoming width × neurons), not " + Arrays.toString(w.shape())
										+ "; neurons may be left out when weights are given");
					}
					else if (width > 0 && w.rows() != width) {
						v.at(at + "/weights", "must be [" + width + ", " + w.cols()
								+ "] (incoming width × neurons), not " + Arrays.toString(w.shape()));
					}
					neurons = w.cols();
					if (neurons > limits.maxNeurons()) {
						over(new LimitExceededException("nnfs.limits.max-neurons", limits.maxNeurons(), at + "/weights",
								neurons + " neurons are over the limit of " + limits.maxNeurons()
										+ " (nnfs.limits.max-neurons)"));
					}
				}
				if (b != null && neurons > 0 && (b.rows() != 1 || b.cols() != neurons)) {
					v.at(at + "/biases", "must hold " + neurons + " values (one per neuron), not shape "
							+ Arrays.toString(b.shape()));
				}
			}
			if (neurons > 0 && width > 0 && weightsBefore + width * neurons > limits.maxWeights()) {
				over(new LimitExceededException("nnfs.limits.max-weights", limits.maxWeights(), at,
						"the network has more than " + limits.maxWeights() + " weights (nnfs.limits.max-weights)"));
			}
			return neurons;
		}

		private void activation(ActivationSpec spec, String at) {
			if (spec.name() == null) {
				v.at(at + "/name", "is required; known activations: " + String.join(", ", activations.names()));
				return;
			}
			Activation activation = activations.find(spec.name()).orElse(null);
			if (activation == null) {
				v.at(at + "/name", "unknown activation '" + JsonBody.quote(spec.name()) + "'; known activations: "
						+ String.join(", ", activations.names()));
				return;
			}
			activation.resolve(spec.params(),
					(param, message) -> v.at(at + "/params/" + JsonBody.escape(param), message));
		}

		private void fitsFloat32(DoubleBatch batch, String at) {
			if (batch != null) {
				batch.toFloat32(at, v);
			}
		}

		private void mistake(String pointer, String message) {
			if (message != null) {
				v.at(pointer, message);
			}
		}

		private void over(LimitExceededException ex) {
			if (ex != null && limit == null) {
				limit = ex;
			}
		}

	}

	/**
	 * Class indices from indices or one-hot rows, checked against the rows and the
	 * network's outputs ({@code outputs} -1 when unknown); mistakes go to {@code v}.
	 */
	public static int[] labels(DoubleBatch given, int rows, int outputs, Violations v) {
		int[] labels = new int[given.rank1() ? given.cols() : given.rows()];
		if (labels.length != rows) {
			v.at("/labels", "has " + labels.length + " labels for " + rows + " rows");
			return null;
		}
		double[] values = given.values();
		if (given.rank1()) {
			for (int i = 0; i < labels.length; i++) {
				double f = values[i];
				if (f != Math.rint(f) || f < 0) {
					v.at("/labels/" + i, "must be a class index (a whole number ≥ 0), not " + f);
				}
				else if (outputs > 0 && f >= outputs) {
					v.at("/labels/" + i,
							"class " + (long) f + " does not exist: the network has " + outputs + " outputs");
				}
				else {
					labels[i] = (int) f;
				}
			}
			return labels;
		}
		if (outputs > 0 && given.cols() != outputs) {
			v.at("/labels",
					"one-hot rows have " + given.cols() + " columns but the network has " + outputs + " outputs");
			return null;
		}
		for (int r = 0; r < rows; r++) {
			int hot = -1;
			for (int c = 0; c < given.cols(); c++) {
				double f = values[r * given.cols() + c];
				if (f == 1 && hot < 0) {
					hot = c;
				}
				else if (f != 0) {
					hot = -2;
					break;
				}
			}
			if (hot < 0) {
				v.at("/labels/" + r, "a one-hot row has exactly one 1 and 0 elsewhere");
			}
			labels[r] = hot;
		}
		return labels;
	}

}

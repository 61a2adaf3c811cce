package dev.nnfs.service.activation;

import dev.nnfs.service.numpy.Softmax;
import dev.nnfs.service.libm.PlatformLibm;
import dev.nnfs.service.numpy.Softmax64;
import dev.nnfs.service.problem.UnknownActivationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The activation catalogue: the five functions of the nnfs book (step, linear, sigmoid,
 * relu, softmax) and the usual modern ones. The element-wise ones run the Java kernels of
 * {@link Kernels32}, within 1 ulp of the correctly rounded float32 result for every input
 * (ND4J's transforms flush tiny results to zero and lose the sign of zero). Softmax and
 * log_softmax run numpy's own float32 algorithm ({@link Softmax}) so the book's
 * probabilities come out bit for bit: ND4J's softmax multiplies by the reciprocal of the
 * row sum and differs in the last bit.
 *
 * <p>
 * Lookup by name never throws for an unknown name: {@link #find} returns empty, and the
 * caller reports the known names.
 */
public final class Activations {

	/** The float64 accuracy of the smooth element-wise kernels ({@link Kernels64}). */
	private static final String FLOAT64_ACCURACY = "within 1 ulp of the correctly rounded float64 value; worst 0.50 ulp, correctly rounded (double-double, one rounding) on 200,388 float64 inputs";

	private final Map<String, Activation> byName;

	private Activations(List<Activation> all) {
		Map<String, Activation> map = new LinkedHashMap<>();
		for (Activation a : all) {
			map.put(a.name(), a);
		}
		this.byName = Collections.unmodifiableMap(map);
	}

	/** The standard catalogue. */
	public static Activations standard() {
		List<Activation> all = new ArrayList<>();
		all.add((elementWise("step", "y = 1 if x > 0 else 0", "{0, 1}",
				"Heaviside step: the neuron fires (1) or not (0); the nnfs book's first activation.", List.of(),
				(v, rows, cols, p) -> Kernels32.step(v, rows * cols)))
			.numerics("exact", "none: the range is closed")
			.float64((v, rows, cols, p) -> Kernels64.step(v, rows * cols), "exact"));
		all.add((elementWise("linear", "y = x", "(-inf, inf)",
				"Identity: passes inputs through unchanged; used for regression outputs.", List.of(),
				(v, rows, cols, p) -> {
				}))
			.numerics("exact", "none: the output is the input")
			.float64((v, rows, cols, p) -> {
			}, "exact"));
		all.add((elementWise("sigmoid", "y = 1 / (1 + e^-x)", "(0, 1)", "Logistic sigmoid: a smooth, granular step.",
				List.of(), (v, rows, cols, p) -> Kernels32.sigmoid(v, rows * cols)))
			.numerics(
					"within 1 ulp of the correctly rounded float32 value; worst 0.50 ulp, correctly rounded on a sweep of 2.1 million float32 inputs",
					"exactly 1.0 for x >= 17.32868; exactly 0.0 for x <= -103.972084 (subnormal below x = -87.33655)")
			.float64((v, rows, cols, p) -> Kernels64.sigmoid(v, rows * cols), FLOAT64_ACCURACY));
		all.add((elementWise("relu", "y = x if x > 0 else 0", "[0, inf)",
				"Rectified linear unit, np.maximum(0, x): the nnfs book's hidden-layer activation.", List.of(),
				(v, rows, cols, p) -> Kernels32.relu(v, rows * cols)))
			.numerics("exact; np.maximum(0, x): -0.0 gives -0.0, NaN gives NaN", "none: the range is closed")
			.float64((v, rows, cols, p) -> Kernels64.relu(v, rows * cols), "exact"));
		all.add((new Activation("softmax", "y_i = e^(x_i - max(x)) / sum_j e^(x_j - max(x)), per row",
				"(0, 1), each row sums to 1",
				"Row-wise softmax, overflow-safe (the row maximum is subtracted first): class probabilities.",
				List.of(), true, (x, p) -> FloatKernels.rowsInPlace(x, Softmax::softmaxRowsInPlace),
				(v, rows, cols, p) -> Softmax.softmaxRowsInPlace(v, rows, cols)))
			.numerics("numpy's float32 softmax, bit for bit",
					"per row as numpy: an entry is exactly 0 when e^(x_i - max(x)) underflows")
			.float64((v, rows, cols, p) -> Softmax64.softmaxRowsInPlace(v, rows, cols, PlatformLibm.get()),
					"numpy's float64 softmax, bit for bit with the platform C library's exp"));
		all.add((elementWise("tanh", "y = (e^x - e^-x) / (e^x + e^-x)", "(-1, 1)", "Hyperbolic tangent.", List.of(),
				(v, rows, cols, p) -> Kernels32.tanh(v, rows * cols)))
			.numerics(
					"within 1 ulp of the correctly rounded float32 value; worst 0.50 ulp, correctly rounded on a sweep of 2.1 million float32 inputs",
					"exactly -1.0 / 1.0 for |x| >= 9.010914")
			.float64((v, rows, cols, p) -> Kernels64.tanh(v, rows * cols), FLOAT64_ACCURACY));
		all.add((elementWise("leaky_relu", "y = x if x > 0 else alpha * x", "(-inf, inf)",
				"Leaky ReLU: a small slope alpha for negative inputs keeps neurons from dying.",
				List.of(new ParamSpec("alpha", 0.01, 0.0, 1.0, "slope for x <= 0")),
				(v, rows, cols, p) -> Kernels32.leakyRelu(v, rows * cols, p[0])))
			.numerics(
					"within 1 ulp of the correctly rounded float32 value; worst 0.50 ulp, correctly rounded (one float64 product) on a sweep of 2.1 million float32 inputs",
					"none: the range is unbounded")
			.float64((v, rows, cols, p) -> Kernels64.leakyRelu(v, rows * cols, p[0]), FLOAT64_ACCURACY));
		all.add((elementWise("elu", "y = x if x > 0 else alpha * (e^x - 1)", "(-alpha, inf)",
				"Exponential linear unit.",
				List.of(new ParamSpec("alpha", 1.0, 0.0, 1000.0, "saturation value for large negative x")),
				(v, rows, cols, p) -> Kernels32.elu(v, rows * cols, p[0])))
			.numerics(
					"within 1 ulp of the correctly rounded float32 value; worst 0.50 ulp, correctly rounded on a sweep of 2.1 million float32 inputs",
					"exactly -alpha (alpha = 1) for x <= -17.32868")
			.float64((v, rows, cols, p) -> Kernels64.elu(v, rows * cols, p[0]), FLOAT64_ACCURACY));
		all.add((elementWise("gelu", "y = x / 2 * (1 + erf(x / sqrt(2)))", "[-0.17, inf)",
				"Gaussian error linear unit, the exact erf form (not the tanh approximation).", List.of(),
				(v, rows, cols, p) -> Kernels32.gelu(v, rows * cols)))
			.numerics(
					"within 1 ulp of the correctly rounded float32 value; worst 0.50 ulp, correctly rounded on a sweep of 2.1 million float32 inputs",
					"-0.0 for x <= -14.356069; exactly x for large x")
			.float64((v, rows, cols, p) -> Kernels64.gelu(v, rows * cols), FLOAT64_ACCURACY));
		all.add((elementWise("softplus", "y = ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|)", "(0, inf)",
				"Softplus: a smooth ReLU, computed in the overflow-safe form.", List.of(),
				(v, rows, cols, p) -> Kernels32.softplus(v, rows * cols)))
			.numerics(
					"within 1 ulp of the correctly rounded float32 value; worst 0.50 ulp, correctly rounded on a sweep of 2.1 million float32 inputs",
					"exactly 0.0 for x <= -103.972084; exactly x for large x")
			.float64((v, rows, cols, p) -> Kernels64.softplus(v, rows * cols), FLOAT64_ACCURACY));
		all.add((elementWise("silu", "y = x / (1 + e^-x)", "[-0.28, inf)",
				"Sigmoid-weighted linear unit (swish with beta 1).", List.of(),
				(v, rows, cols, p) -> Kernels32.silu(v, rows * cols)))
			.numerics(
					"within 1 ulp of the correctly rounded float32 value; worst 0.50 ulp, correctly rounded on a sweep of 2.1 million float32 inputs",
					"-0.0 for x <= -108.66031")
			.float64((v, rows, cols, p) -> Kernels64.silu(v, rows * cols), FLOAT64_ACCURACY));
		all.add((new Activation("log_softmax", "y_i = x_i - max(x) - ln(sum_j e^(x_j - max(x))), per row", "(-inf, 0]",
				"Row-wise logarithm of softmax, computed without forming the probabilities (no log(0)).", List.of(),
				true, (x, p) -> FloatKernels.rowsInPlace(x, Softmax::logSoftmaxRowsInPlace),
				(v, rows, cols, p) -> Softmax.logSoftmaxRowsInPlace(v, rows, cols)))
			.numerics("numpy's float32 algorithm, bit for bit", "none: the range is closed at 0")
			.float64((v, rows, cols, p) -> Softmax64.logSoftmaxRowsInPlace(v, rows, cols, PlatformLibm.get()),
					"numpy's float64 algorithm, bit for bit with the platform C library's exp and log"));
		return new Activations(all);
	}

	/**
	 * An element-wise activation: the Java kernel on float[], and the same kernel on an
	 * ND4J array through its buffer (one copy each way).
	 */
	private static Activation elementWise(String name, String formula, String range, String description,
			List<ParamSpec> params, Activation.FloatKernel kernel) {
		return new Activation(name, formula, range, description, params, false,
				(x, p) -> FloatKernels.rowsInPlace(x, (v, rows, cols) -> kernel.applyInPlace(v, rows, cols, p)),
				kernel);
	}

	/** {@link Kernels32#relu(float)}: {@code np.maximum(0, x)}. */
	public static float relu(float x) {
		return Kernels32.relu(x);
	}

	public Optional<Activation> find(String name) {
		return Optional.ofNullable(name == null ? null : byName.get(name));
	}

	/**
	 * The activation named in a request's path.
	 * @throws UnknownActivationException (a 404 listing the known names) when there is
	 * none
	 */
	public Activation get(String name) {
		return find(name).orElseThrow(() -> new UnknownActivationException(name, names()));
	}

	public List<Activation> all() {
		return List.copyOf(byName.values());
	}

	public List<String> names() {
		return List.copyOf(byName.keySet());
	}

}

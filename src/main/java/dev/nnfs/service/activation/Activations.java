package dev.nnfs.service.activation;

import dev.nnfs.service.numpy.Softmax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activation catalogue: the five functions of the nnfs book (step, linear, sigmoid,
 * relu, softmax) and the usual modern ones. Each kernel is one fused ND4J op where ND4J
 * has one whose semantics match the formula; all arithmetic is float32. Softmax and
 * log_softmax run numpy's own float32 algorithm ({@link Softmax}) so the book's
 * probabilities come out bit for bit: ND4J's softmax multiplies by the reciprocal of the
 * row sum and differs in the last bit.
 *
 * <p>
 * Lookup by name never throws for an unknown name: {@link #find} returns empty, and the
 * caller reports the known names.
 */
public final class Activations {

	private static final double SQRT1_2 = 0.7071067811865476;

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
		all.add(new Activation("step", "y = 1 if x > 0 else 0", "{0, 1}",
				"Heaviside step: the neuron fires (1) or not (0); the nnfs book's first activation.", List.of(), false,
				(x, p) -> Nd4j.exec(new Step(x, x, 0.0)),
				(v, rows, cols, p) -> FloatKernels.mapInPlace(v, rows * cols, (x) -> x > 0f ? 1f : 0f)));
		all.add(new Activation("linear", "y = x", "(-inf, inf)",
				"Identity: passes inputs through unchanged; used for regression outputs.", List.of(), false, (x, p) -> {
				}, (v, rows, cols, p) -> {
				}));
		all.add(new Activation("sigmoid", "y = 1 / (1 + e^-x)", "(0, 1)", "Logistic sigmoid: a smooth, granular step.",
				List.of(), false, (x, p) -> Nd4j.exec(new Sigmoid(x, x))));
		all.add(new Activation("relu", "y = x if x > 0 else 0", "[0, inf)",
				"Rectified linear unit, np.maximum(0, x): the nnfs book's hidden-layer activation.", List.of(), false,
				// ScalarMax, unlike RectifiedLinear, maps -0.0 to +0.0 as np.maximum(0,
				// x) does.
				(x, p) -> Nd4j.exec(new ScalarMax(x, null, x, 0.0)),
				(v, rows, cols, p) -> FloatKernels.mapInPlace(v, rows * cols, Activations::relu)));
		all.add(new Activation("softmax", "y_i = e^(x_i - max(x)) / sum_j e^(x_j - max(x)), per row",
				"(0, 1), each row sums to 1",
				"Row-wise softmax, overflow-safe (the row maximum is subtracted first): class probabilities.",
				List.of(), true, (x, p) -> FloatKernels.rowsInPlace(x, Softmax::softmaxRowsInPlace),
				(v, rows, cols, p) -> Softmax.softmaxRowsInPlace(v, rows, cols)));
		all.add(new Activation("tanh", "y = (e^x - e^-x) / (e^x + e^-x)", "(-1, 1)", "Hyperbolic tangent.", List.of(),
				false, (x, p) -> Nd4j.exec(new Tanh(x, x))));
		all.add(new Activation("leaky_relu", "y = x if x > 0 else alpha * x", "(-inf, inf)",
				"Leaky ReLU: a small slope alpha for negative inputs keeps neurons from dying.",
				List.of(new ParamSpec("alpha", 0.01, 0.0, 1.0, "slope for x <= 0")), false,
				(x, p) -> Nd4j.exec(new LeakyReLU(x, x, p[0]))));
		all.add(new Activation("elu", "y = x if x > 0 else alpha * (e^x - 1)", "(-alpha, inf)",
				"Exponential linear unit.",
				List.of(new ParamSpec("alpha", 1.0, 0.0, 1000.0, "saturation value for large negative x")), false,
				(x, p) -> Nd4j.exec(new ELU(x, x, p[0]))));
		all.add(new Activation("gelu", "y = x / 2 * (1 + erf(x / sqrt(2)))", "[-0.17, inf)",
				"Gaussian error linear unit, the exact erf form (not the tanh approximation).", List.of(), false,
				Activations::gelu));
		all.add(new Activation("softplus", "y = ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|)", "(0, inf)",
				"Softplus: a smooth ReLU, computed in the overflow-safe form.", List.of(), false,
				(x, p) -> FloatKernels.mapInPlace(x, Activations::softplus),
				(v, rows, cols, p) -> FloatKernels.mapInPlace(v, rows * cols, Activations::softplus)));
		all.add(new Activation("silu", "y = x / (1 + e^-x)", "[-0.28, inf)",
				"Sigmoid-weighted linear unit (swish with beta 1).", List.of(), false,
				(x, p) -> Nd4j.exec(new Swish(x, x))));
		all.add(new Activation("log_softmax", "y_i = x_i - max(x) - ln(sum_j e^(x_j - max(x))), per row", "(-inf, 0]",
				"Row-wise logarithm of softmax, computed without forming the probabilities (no log(0)).", List.of(),
				true, (x, p) -> FloatKernels.rowsInPlace(x, Softmax::logSoftmaxRowsInPlace),
				(v, rows, cols, p) -> Softmax.logSoftmaxRowsInPlace(v, rows, cols)));
		return new Activations(all);
	}

	private static void gelu(INDArray x, double[] params) {
		try (INDArray t = x.mul(SQRT1_2)) {
			Nd4j.exec(new Erf(t, t));
			t.addi(1.0).muli(0.5);
			x.muli(t);
		}
	}

	/**
	 * {@code np.maximum(0, x)} as ND4J's ScalarMax computes it: x when x > 0, else +0
	 * (also for -0, as numpy, and for NaN). {@code x > 0 ? x : 0} in a form without a
	 * data-dependent branch: on mixed signs the branch mispredicts half the time, four
	 * times slower over a large batch.
	 */
	public static float relu(float x) {
		float m = Math.max(x, 0f);
		return m == m ? m : 0f;
	}

	/**
	 * ND4J's SoftPlus computes ln(1 + e^x) literally, which overflows to infinity above x
	 * ≈ 88; this form is exact in float64 and rounded once.
	 */
	private static float softplus(float x) {
		return (float) (Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs((double) x))));
	}

	public Optional<Activation> find(String name) {
		return Optional.ofNullable(name == null ? null : byName.get(name));
	}

	public List<Activation> all() {
		return List.copyOf(byName.values());
	}

	public List<String> names() {
		return List.copyOf(byName.keySet());
	}

}

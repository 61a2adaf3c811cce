package dev.nnfs.service.activation;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One activation function of the catalogue: what it computes ({@code formula},
 * {@code range}), its parameters, and the kernel that computes it.
 *
 * <p>
 * Kernels work in place on a {@code [batch, n]} FLOAT array, in float32 arithmetic, and
 * are either element-wise or row-wise ({@link #rowWise()}: softmax, log_softmax).
 */
public final class Activation {

	/**
	 * Computes the activation in place on {@code x} ({@code [batch, n]}, FLOAT, c-order).
	 */
	@FunctionalInterface
	public interface Kernel {

		void applyInPlace(INDArray x, double[] params);

	}

	/**
	 * Computes the activation in place on a row-major {@code [rows, cols]} float32
	 * buffer, in plain Java, with the same results as the activation's {@link Kernel}.
	 */
	@FunctionalInterface
	public interface FloatKernel {

		void applyInPlace(float[] values, int rows, int cols, double[] params);

	}

	/**
	 * Computes the activation in place on a row-major {@code [rows, cols]} float64
	 * buffer: the {@code "dtype": "float64"} mode, plain numpy without
	 * {@code nnfs.init()}.
	 */
	@FunctionalInterface
	public interface DoubleKernel {

		void applyInPlace(double[] values, int rows, int cols, double[] params);

	}

	private final String name;

	private final String formula;

	private final String range;

	private final String description;

	private final List<ParamSpec> params;

	private final boolean rowWise;

	private final Kernel kernel;

	private final FloatKernel floatKernel;

	private DoubleKernel doubleKernel;

	private String accuracy;

	private String accuracy64;

	private String saturation;

	Activation(String name, String formula, String range, String description, List<ParamSpec> params, boolean rowWise,
			Kernel kernel) {
		this(name, formula, range, description, params, rowWise, kernel, null);
	}

	Activation(String name, String formula, String range, String description, List<ParamSpec> params, boolean rowWise,
			Kernel kernel, FloatKernel floatKernel) {
		this.name = name;
		this.formula = formula;
		this.range = range;
		this.description = description;
		this.params = List.copyOf(params);
		this.rowWise = rowWise;
		this.kernel = kernel;
		this.floatKernel = floatKernel;
	}

	public String name() {
		return name;
	}

	public String formula() {
		return formula;
	}

	public String range() {
		return range;
	}

	public String description() {
		return description;
	}

	/** The measured float32 accuracy against the correctly rounded result. */
	public String accuracy() {
		return accuracy;
	}

	/** The measured float64 accuracy against the correctly rounded result. */
	public String accuracy64() {
		return accuracy64;
	}

	/**
	 * Where the float32 result reaches the ends of an open range exactly (e.g. sigmoid is
	 * exactly 1.0 from x ≈ 16.64), or null when the range has no open end it reaches.
	 */
	public String saturation() {
		return saturation;
	}

	/**
	 * Sets {@link #accuracy()} and {@link #saturation()}, while building the catalogue.
	 */
	Activation numerics(String accuracy, String saturation) {
		this.accuracy = accuracy;
		this.saturation = saturation;
		return this;
	}

	/**
	 * Sets the float64 kernel and its measured accuracy, while building the catalogue.
	 */
	Activation float64(DoubleKernel kernel, String accuracy) {
		this.doubleKernel = kernel;
		this.accuracy64 = accuracy;
		return this;
	}

	public List<ParamSpec> params() {
		return params;
	}

	/**
	 * True when each output depends on its whole row (softmax), false when element-wise.
	 */
	public boolean rowWise() {
		return rowWise;
	}

	/** The defaults of every parameter, in {@link #params()} order. */
	public double[] defaults() {
		double[] values = new double[params.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = params.get(i).defaultValue();
		}
		return values;
	}

	/**
	 * Resolves a client's parameters against the defaults, reporting every unknown or
	 * out-of-range one to {@code mistakes} (parameter name, message) and keeping the
	 * default in its place.
	 * @param given the client's parameters, or null for all defaults
	 * @return one value per {@link #params()} entry, in order
	 */
	public double[] resolve(Map<String, Double> given, BiConsumer<String, String> mistakes) {
		double[] values = defaults();
		if (given == null) {
			return values;
		}
		for (Map.Entry<String, Double> e : given.entrySet()) {
			int i = indexOf(e.getKey());
			if (i < 0) {
				mistakes.accept(e.getKey(), params.isEmpty() ? name + " takes no parameters"
						: "unknown parameter of " + name + "; it takes " + paramNames());
				continue;
			}
			ParamSpec spec = params.get(i);
			Double v = e.getValue();
			if (v == null || !spec.accepts(v)) {
				mistakes.accept(e.getKey(), "must be a number from " + spec.min() + " to " + spec.max() + ", not " + v);
				continue;
			}
			values[i] = v;
		}
		return values;
	}

	/**
	 * Applies the activation in place; {@code params} as returned by {@link #resolve}.
	 */
	public void applyInPlace(INDArray x, double[] params) {
		kernel.applyInPlace(x, params);
	}

	/**
	 * Applies the activation in place on a row-major {@code [rows, cols]} float32 buffer,
	 * in plain Java when the activation has a Java kernel (all of the standard catalogue
	 * does), else through one ND4J array.
	 */
	public void applyInPlace(float[] values, int rows, int cols, double[] params) {
		if (floatKernel != null) {
			floatKernel.applyInPlace(values, rows, cols, params);
			return;
		}
		try (INDArray x = Nd4j.create(values, new long[] { rows, cols }, 'c')) {
			kernel.applyInPlace(x, params);
			x.data().asNioFloat().get(values, 0, rows * cols);
		}
	}

	/**
	 * Applies the activation in place on a row-major {@code [rows, cols]} float64 buffer,
	 * in plain Java: numpy's float64 result (element-wise kernels within 1 ulp of the
	 * correctly rounded value).
	 */
	public void applyInPlace(double[] values, int rows, int cols, double[] params) {
		if (doubleKernel == null) {
			throw new UnsupportedOperationException(name + " has no float64 kernel");
		}
		doubleKernel.applyInPlace(values, rows, cols, params);
	}

	private int indexOf(String param) {
		for (int i = 0; i < params.size(); i++) {
			if (params.get(i).name().equals(param)) {
				return i;
			}
		}
		return -1;
	}

	private String paramNames() {
		return String.join(", ", params.stream().map(ParamSpec::name).toList());
	}

}

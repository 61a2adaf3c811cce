package dev.nnfs.service.activation;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One element-wise activation over a 100,000 × 64 batch (6.4 million float32 values, N(0,
 * 4²) so both signs and the saturated tails occur), as {@code Activation.applyInPlace(float[],
 * ...)} computes it ({@code kernel}), and as it was computed before the accurate kernels
 * ({@code before}): sigmoid, tanh, elu, gelu, silu and leaky_relu through ND4J (copy into
 * a native array, the ND4J transform, copy back); relu, softplus and step with the Java
 * kernels of that time, copied here; linear did nothing then as now. The input is
 * restored before each call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0" })
@State(Scope.Benchmark)
public class ActivationBenchmarks {

	static final int ROWS = 100_000;

	static final int COLS = 64;

	@Param({ "sigmoid", "tanh", "elu", "gelu", "silu", "softplus", "leaky_relu", "relu", "step", "linear" })
	public String name;

	Activation activation;

	double[] params;

	float[] input;

	float[] values;

	@Setup
	public void setUp() {
		activation = Activations.standard().find(name).orElseThrow();
		params = activation.defaults();
		SplittableRandom random = new SplittableRandom(42);
		input = new float[ROWS * COLS];
		for (int i = 0; i < input.length; i++) {
			input[i] = (float) (random.nextGaussian() * 4);
		}
		values = new float[input.length];
	}

	@Setup(Level.Invocation)
	public void restore() {
		System.arraycopy(input, 0, values, 0, input.length);
	}

	@Benchmark
	public float[] kernel() {
		activation.applyInPlace(values, ROWS, COLS, params);
		return values;
	}

	@Benchmark
	public float[] before() {
		int n = ROWS * COLS;
		switch (name) {
			case "relu" -> mapInPlace(values, n, ActivationBenchmarks::reluBefore);
			case "softplus" -> mapInPlace(values, n, ActivationBenchmarks::softplusBefore);
			case "step" -> mapInPlace(values, n, (x) -> x > 0f ? 1f : 0f);
			case "linear" -> {
			}
			default -> nd4j();
		}
		return values;
	}

	/** An element-wise float32 function, as {@code FloatKernels.FloatOp} was. */
	@FunctionalInterface
	interface FloatOp {

		float apply(float x);

	}

	/** The element-wise loop of the time, {@code FloatKernels.mapInPlace}. */
	static void mapInPlace(float[] values, int n, FloatOp op) {
		for (int i = 0; i < n; i++) {
			values[i] = op.apply(values[i]);
		}
	}

	/** relu before: +0.0 for -0.0 and NaN. */
	static float reluBefore(float x) {
		float m = Math.max(x, 0f);
		return m == m ? m : 0f;
	}

	static float softplusBefore(float x) {
		return (float) (Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs((double) x))));
	}

	float[] nd4j() {
		try (INDArray x = Nd4j.create(values, new long[] { ROWS, COLS }, 'c')) {
			switch (name) {
				case "sigmoid" -> Nd4j.exec(new Sigmoid(x, x));
				case "tanh" -> Nd4j.exec(new Tanh(x, x));
				case "elu" -> Nd4j.exec(new ELU(x, x, params[0]));
				case "silu" -> Nd4j.exec(new Swish(x, x));
				case "leaky_relu" -> Nd4j.exec(new LeakyReLU(x, x, params[0]));
				case "gelu" -> {
					try (INDArray t = x.mul(0.7071067811865476)) {
						Nd4j.exec(new Erf(t, t));
						t.addi(1.0).muli(0.5);
						x.muli(t);
					}
				}
				default -> activation.applyInPlace(x, params);
			}
			x.data().asNioFloat().get(values, 0, ROWS * COLS);
		}
		return values;
	}

}

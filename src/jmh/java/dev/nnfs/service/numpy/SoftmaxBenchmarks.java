package dev.nnfs.service.numpy;

import dev.nnfs.service.activation.Activation;
import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.activation.Predictions;
import dev.nnfs.service.tensor.FloatBatch;
import dev.nnfs.service.tensor.TestArrays;

import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Softmax of one row of 3 ({@code [[1, 2, 3]]}) and its argmax, as POST /activations/softmax
 * computes it: on the request's float[] ({@code softmax}), and through an ND4J array as before
 * ({@code softmaxThroughNd4j}: copy in, kernel, copy out).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0" })
@State(Scope.Benchmark)
public class SoftmaxBenchmarks {

	final Activation softmax = Activations.standard().find("softmax").orElseThrow();

	final double[] params = softmax.defaults();

	@Benchmark
	public Predictions softmax() {
		float[] v = { 1f, 2f, 3f };
		softmax.applyInPlace(v, 1, 3, params);
		return Predictions.of(v, 1, 3);
	}

	/**
	 * The last layer of the 100,000-row pass: softmax over 100,000 rows of 3, inputs of the
	 * size a dense layer of small weights gives (standard normal, seed 7).
	 */
	@State(Scope.Benchmark)
	public static class Big {

		final float[] inputs = new float[300_000];

		final float[] values = new float[300_000];

		@Setup(Level.Trial)
		public void setUp() {
			java.util.Random random = new java.util.Random(7);
			for (int i = 0; i < inputs.length; i++) {
				inputs[i] = (float) random.nextGaussian();
			}
		}

	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public float[] softmaxBigBatch(Big b) {
		System.arraycopy(b.inputs, 0, b.values, 0, b.values.length);
		Softmax.softmaxRowsInPlace(b.values, 100_000, 3);
		return b.values;
	}

	@Benchmark
	public Predictions softmaxThroughNd4j() {
		FloatBatch in = FloatBatch.of(new float[] { 1f, 2f, 3f }, 1, 3);
		FloatBatch out;
		try (INDArray x = TestArrays.toNdArray(in)) {
			softmax.applyInPlace(x, params);
			out = TestArrays.toBatch(x, in);
		}
		return Predictions.of(out.values(), 1, 3);
	}

}

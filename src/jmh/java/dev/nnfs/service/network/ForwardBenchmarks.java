package dev.nnfs.service.network;

import dev.nnfs.service.activation.Predictions;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.api.ndarray.INDArray;
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
 * In-process forward passes, without JSON: the seeds' network on its 300 × 2 spiral, and a
 * 100,000 × 2 batch through 2 → 64 → 64 → 3. {@code opByOp} is the ND4J pipeline the service ran
 * before (one native op chain per layer), for comparison.
 */
// SampleTime: JMH reports each benchmark's median (p0.50) beside the mean.
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0" })
public class ForwardBenchmarks {

	private static final EngineSettings DEFAULTS = EngineSettings.defaults();

	private static final ForwardEngine WHOLE_LAYERS = new ForwardEngine(
			new EngineSettings(DEFAULTS.nativeMinMacs(), Integer.MAX_VALUE, false, DEFAULTS.gemmCallMacs()));

	@State(Scope.Benchmark)
	public static class Seeds {

		Network network;

		FloatBatch inputs;

		@Setup(Level.Trial)
		public void setUp() throws Exception {
			ForwardRequest request = BenchData.MAPPER.readValue(BenchData.SEEDS_NETWORK, ForwardRequest.class);
			NetworkBuilder.Plan plan = new NetworkBuilder(BenchData.ACTIVATIONS, BenchData.LIMITS).build(request);
			network = plan.network();
			inputs = plan.floatInputs();
		}

	}

	@State(Scope.Benchmark)
	public static class Big {

		/**
		 * ND4J's (and so OpenMP's and OpenBLAS's) thread count for the run: 1 as the service runs
		 * ({@code OMP_NUM_THREADS=1}; the blocks bring the second core). {@code -p threads=2} to
		 * compare.
		 */
		@Param({ "1" })
		int threads;

		/**
		 * {@code nnfs.engine.block-doubles} of the engines of {@code bigBatch} and
		 * {@code bigBatchOneCore} (the default, 32768: 512 rows of a 64-wide layer);
		 * {@code -p blockDoubles=32768,65536} to compare. Their dgemm calls are sized as the
		 * service sizes them, from {@code OPENBLAS_CORETYPE} (set it as the image does:
		 * {@code src/main/sh/with-blas-kernels}).
		 */
		@Param({ "32768" })
		int blockDoubles;

		ForwardEngine twoCores;

		ForwardEngine oneCore;

		Network network;

		FloatBatch inputs;

		@Setup(Level.Trial)
		public void setUp() throws Exception {
			Nd4j.getEnvironment().setMaxThreads(threads);
			Nd4j.factory().blas().setMaxThreads(threads);
			twoCores = new ForwardEngine(
					new EngineSettings(DEFAULTS.nativeMinMacs(), blockDoubles, true, DEFAULTS.gemmCallMacs()));
			oneCore = new ForwardEngine(
					new EngineSettings(DEFAULTS.nativeMinMacs(), blockDoubles, false, DEFAULTS.gemmCallMacs()));
			ForwardRequest request = BenchData.MAPPER.readValue(BenchData.bigBatchRequest(100_000), ForwardRequest.class);
			NetworkBuilder.Plan plan = new NetworkBuilder(BenchData.ACTIVATIONS, BenchData.LIMITS).build(request);
			network = plan.network();
			inputs = plan.floatInputs();
		}

	}

	/** The seeds' network and argmax: dense 3, relu, dense 3, softmax on 300 × 2. */
	@Benchmark
	public Predictions seedsNetwork(Seeds s) {
		FloatBatch out = s.network.forward(s.inputs, false).get(0);
		return Predictions.of(out.values(), out.rows(), out.cols());
	}

	@Benchmark
	public Predictions seedsNetworkOpByOp(Seeds s) {
		FloatBatch out = OpByOpNetwork.forward(s.network, s.inputs, false).get(0);
		return Predictions.of(out.values(), out.rows(), out.cols());
	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public Predictions bigBatch(Big b) {
		FloatBatch out = b.twoCores.forward(b.network.layers(), b.inputs, false).get(0);
		return Predictions.of(out.values(), out.rows(), out.cols());
	}

	/** The same on one core: the blocks without the helper thread. */
	@Benchmark
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public Predictions bigBatchOneCore(Big b) {
		FloatBatch out = b.oneCore.forward(b.network.layers(), b.inputs, false).get(0);
		return Predictions.of(out.values(), out.rows(), out.cols());
	}

	/**
	 * Without the blocks: the whole batch as one block on one core, so one GEMM and one Java pass
	 * per layer over 100,000 rows whose intermediates no cache holds.
	 */
	@Benchmark
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public Predictions bigBatchWholeLayers(Big b) {
		FloatBatch out = WHOLE_LAYERS.forward(b.network.layers(), b.inputs, false).get(0);
		return Predictions.of(out.values(), out.rows(), out.cols());
	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public Predictions bigBatchOpByOp(Big b) {
		FloatBatch out = OpByOpNetwork.forward(b.network, b.inputs, false).get(0);
		return Predictions.of(out.values(), out.rows(), out.cols());
	}

}

package dev.nnfs.service.network;

import dev.nnfs.service.tensor.FloatBatch;
import dev.nnfs.service.tensor.PerNumberSerializer;

import java.util.concurrent.TimeUnit;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
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
 * The 100,000-row request of {@link ForwardBenchmarks#bigBatch} with its JSON: the floor (parse
 * the request and write its response, nothing else) and the whole in-process request (parse,
 * check and build, forward pass, predictions, write). {@code writeResponsePerNumber} writes
 * the outputs with one {@code writeNumber(float)} per value, as the service did before.
 */
// SampleTime: JMH reports each benchmark's median (p0.50) beside the mean.
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0" })
@State(Scope.Benchmark)
public class JsonBenchmarks {

	byte[] request;

	ForwardResponse response;

	NetworkController controller;

	NetworkBuilder builder;

	JsonMapper perNumber;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		request = BenchData.bigBatchRequest(100_000);
		builder = new NetworkBuilder(BenchData.ACTIVATIONS, BenchData.LIMITS);
		controller = new NetworkController(builder);
		response = NetworkController.whole(builder.build(BenchData.MAPPER.readValue(request, ForwardRequest.class)));
		SimpleModule module = new SimpleModule();
		module.addSerializer(FloatBatch.class, new PerNumberSerializer());
		perNumber = JsonMapper.builder()
			.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
			.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
			.addModule(module)
			.build();
	}

	@Benchmark
	public ForwardRequest parseRequest() {
		return BenchData.MAPPER.readValue(request, ForwardRequest.class);
	}

	@Benchmark
	public byte[] writeResponse() {
		return BenchData.MAPPER.writeValueAsBytes(response);
	}

	@Benchmark
	public byte[] writeResponsePerNumber() {
		return perNumber.writeValueAsBytes(response);
	}

	/** The floor: what any answer to this request costs in JSON alone. */
	@Benchmark
	public byte[] jsonFloor() {
		ForwardRequest parsed = BenchData.MAPPER.readValue(request, ForwardRequest.class);
		if (parsed.inputs().rows() != 100_000) {
			throw new IllegalStateException();
		}
		return BenchData.MAPPER.writeValueAsBytes(response);
	}

	/**
	 * As {@link #endToEnd}, with the answer computed in full before it is written (how the service
	 * answered before it wrote rows while later ones were computed).
	 */
	@Benchmark
	public byte[] endToEndWhole() {
		ForwardRequest parsed = BenchData.MAPPER.readValue(request, ForwardRequest.class);
		return BenchData.MAPPER.writeValueAsBytes(NetworkController.whole(builder.build(parsed)));
	}

	/** Parse, build, forward, predictions, write: the whole request in process, as the service answers it. */
	@Benchmark
	public byte[] endToEnd() {
		ForwardRequest parsed = BenchData.MAPPER.readValue(request, ForwardRequest.class);
		return BenchData.MAPPER.writeValueAsBytes(controller.forward(parsed));
	}

}

package dev.nnfs.service.network;

import dev.nnfs.service.tensor.BatchDeserializer;
import dev.nnfs.service.tensor.BatchPrescan;
import dev.nnfs.service.tensor.CharChunkSerializer;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.DoubleBatchSerializer;
import dev.nnfs.service.tensor.EagerPointerBatchDeserializer;
import dev.nnfs.service.tensor.FloatBatch;
import dev.nnfs.service.tensor.FloatBatchSerializer;
import dev.nnfs.service.tensor.FloatFormat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
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
 * The JSON of the 100,000-row request (bench/bodies.py's {@code big.json}: 2 float32 per
 * row in shortest form, dense 64, relu, dense 64, relu, dense 3, softmax), read and written
 * the ways the service did and does, side by side in one run.
 *
 * <p>
 * {@code parseBody}: {@code before} reads with one JSON Pointer per row (the previous
 * batch reader), {@code lazyPointers} with today's reader through Jackson's tokenizer alone,
 * {@code prescan} as the service reads a body: {@link BatchPrescan} first, then Jackson for
 * the rest. {@code writeAnswer}: the answer ({@code outputs} 100,000 × 3, {@code argmax},
 * {@code confidence}) written with {@code chars} (the previous 8 KB {@code char[]} chunks)
 * or {@code bytes} (today's ASCII chunks).
 */
// SampleTime: JMH reports each benchmark's median (p0.50) beside the mean.
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0" })
public class BodyBenchmarks {

	/** The request body and a reader for it. */
	@State(Scope.Benchmark)
	public static class Read {

		@Param({ "before", "lazyPointers", "prescan" })
		public String reader;

		byte[] body;

		ObjectReader read;

		@Setup(Level.Trial)
		public void setUp() {
			body = float32Body(100_000);
			read = (reader.equals("before") ? mapper(true, false) : BenchData.MAPPER).readerFor(ForwardRequest.class);
		}

	}

	/** The answer to the request and a writer for it. */
	@State(Scope.Benchmark)
	public static class Write {

		@Param({ "chars", "bytes" })
		public String writer;

		JsonMapper write;

		ForwardResponse answer;

		@Setup(Level.Trial)
		public void setUp() {
			write = mapper(false, writer.equals("chars"));
			NetworkBuilder builder = new NetworkBuilder(BenchData.ACTIVATIONS, BenchData.LIMITS);
			answer = NetworkController
				.whole(builder.build(BenchData.MAPPER.readValue(float32Body(100_000), ForwardRequest.class)));
		}

	}

	@Benchmark
	public ForwardRequest parseBody(Read state) {
		if (state.reader.equals("prescan")) {
			BatchPrescan.Result scan = BatchPrescan.scan(state.body, BenchData.LIMITS);
			return state.read.withAttribute(BatchPrescan.ATTRIBUTE, scan.batches()).readValue(scan.body());
		}
		return state.read.readValue(state.body);
	}

	@Benchmark
	public byte[] writeAnswer(Write state) {
		return state.write.writeValueAsBytes(state.answer);
	}

	private static JsonMapper mapper(boolean eagerPointers, boolean chars) {
		SimpleModule batches = new SimpleModule("float-batch");
		batches.addDeserializer(DoubleBatch.class, eagerPointers ? new EagerPointerBatchDeserializer(BenchData.LIMITS)
				: new BatchDeserializer(BenchData.LIMITS));
		batches.addSerializer(DoubleBatch.class, new DoubleBatchSerializer());
		batches.addSerializer(FloatBatch.class, chars ? new CharChunkSerializer() : new FloatBatchSerializer());
		batches.addDeserializer(ForwardRequest.class,
				new ForwardRequestReader(new NetworkBuilder(BenchData.ACTIVATIONS, BenchData.LIMITS)));
		return JsonMapper.builder()
			.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
			.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
			.addModule(batches)
			.build();
	}

	/** As bench/bodies.py writes big.json: standard normal float32 pairs in shortest form. */
	static byte[] float32Body(int rows) {
		SplittableRandom random = new SplittableRandom(7);
		StringBuilder sb = new StringBuilder(rows * 24 + 400);
		char[] digits = new char[FloatFormat.MAX_CHARS];
		sb.append("{\"seed\":0,\"inputs\":[");
		for (int i = 0; i < rows; i++) {
			sb.append(i == 0 ? "[" : ",[");
			sb.append(digits, 0, FloatFormat.write((float) random.nextGaussian(), digits, 0)).append(',');
			sb.append(digits, 0, FloatFormat.write((float) random.nextGaussian(), digits, 0)).append(']');
		}
		sb.append("],\"layers\":[{\"type\":\"dense\",\"neurons\":64,\"weightScale\":0.1},")
			.append("{\"type\":\"activation\",\"name\":\"relu\"},")
			.append("{\"type\":\"dense\",\"neurons\":64,\"weightScale\":0.1},")
			.append("{\"type\":\"activation\",\"name\":\"relu\"},")
			.append("{\"type\":\"dense\",\"neurons\":3,\"weightScale\":0.1},")
			.append("{\"type\":\"activation\",\"name\":\"softmax\"}]}\n");
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

}

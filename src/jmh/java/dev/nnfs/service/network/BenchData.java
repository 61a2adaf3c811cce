package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.tensor.FloatBatch;
import dev.nnfs.service.tensor.BatchDeserializer;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.DoubleBatchSerializer;
import dev.nnfs.service.tensor.FloatBatchSerializer;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The workloads of the benchmarks, built the same way in every fork. */
final class BenchData {

	static final Activations ACTIVATIONS = Activations.standard();

	static final Limits LIMITS = Limits.defaults();

	/** A mapper set up as the service's (JacksonConfiguration): the same readers and writers. */
	static final JsonMapper MAPPER = mapper();

	private BenchData() {
	}

	private static JsonMapper mapper() {
		SimpleModule batches = new SimpleModule("float-batch");
		batches.addDeserializer(DoubleBatch.class, new BatchDeserializer(LIMITS));
		batches.addSerializer(DoubleBatch.class, new DoubleBatchSerializer());
		batches.addSerializer(FloatBatch.class, new FloatBatchSerializer());
		batches.addDeserializer(ForwardRequest.class, new ForwardRequestReader(new NetworkBuilder(ACTIVATIONS, LIMITS)));
		return JsonMapper.builder()
			.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
			.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
			.addModule(batches)
			.build();
	}

	/** The seeds' network: spiral_data(100, 3), dense 3, relu, dense 3, softmax (the book's weights). */
	static final String SEEDS_NETWORK = NetworkController.BOOK_NETWORK;

	/**
	 * {@code rows} random points in [-1, 1)² (7 significant digits, as a client would send
	 * them) through 2 → 64 → 64 → 3 with relu, relu, softmax and weights drawn from the stream.
	 */
	static byte[] bigBatchRequest(int rows) {
		SplittableRandom random = new SplittableRandom(7);
		StringBuilder sb = new StringBuilder(rows * 24 + 400);
		sb.append("{\"seed\":0,\"inputs\":[");
		for (int i = 0; i < rows; i++) {
			sb.append(i == 0 ? "[" : ",[");
			sb.append(String.format("%.7g", random.nextDouble(-1, 1))).append(',');
			sb.append(String.format("%.7g", random.nextDouble(-1, 1))).append(']');
		}
		sb.append("],\"layers\":[{\"type\":\"dense\",\"neurons\":64,\"weightScale\":0.5},")
			.append("{\"type\":\"activation\",\"name\":\"relu\"},")
			.append("{\"type\":\"dense\",\"neurons\":64,\"weightScale\":0.3},")
			.append("{\"type\":\"activation\",\"name\":\"relu\"},")
			.append("{\"type\":\"dense\",\"neurons\":3,\"weightScale\":0.3},")
			.append("{\"type\":\"activation\",\"name\":\"softmax\"}]}");
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

}

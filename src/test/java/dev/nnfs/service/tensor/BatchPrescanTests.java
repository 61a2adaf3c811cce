package dev.nnfs.service.tensor;

import dev.nnfs.service.config.Limits;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BatchPrescan}: the batches it reads are those Jackson and
 * {@link BatchDeserializer} read from the same body, the blanked body differs only inside
 * the batch's brackets (line breaks kept), and everything unusual is left to the normal
 * reading.
 */
class BatchPrescanTests {

	private static final Limits LIMITS = Limits.defaults();

	private static final JsonMapper MAPPER = mapper(LIMITS);

	private static JsonMapper mapper(Limits limits) {
		SimpleModule module = new SimpleModule();
		module.addDeserializer(DoubleBatch.class, new BatchDeserializer(limits));
		return JsonMapper.builder().addModule(module).build();
	}

	record Body(DoubleBatch inputs, Long seed, JsonNode layers) {
	}

	private static BatchPrescan.Result scan(String body) {
		return BatchPrescan.scan(body.getBytes(StandardCharsets.UTF_8), LIMITS);
	}

	/** Reads a scanned body as the converter does and compares it to a plain read. */
	private static void sameAsJackson(String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		BatchPrescan.Result result = BatchPrescan.scan(body, LIMITS);
		assertThat(result).as(json).isNotNull();
		assertThat(result.body()).hasSameSizeAs(body);
		Body plain = MAPPER.readValue(body, Body.class);
		Body fast = MAPPER.readerFor(Body.class)
			.withAttribute(BatchPrescan.ATTRIBUTE, result.batches())
			.readValue(result.body());
		assertThat(result.batches()).as("claimed").isEmpty();
		assertThat(fast.inputs()).isEqualTo(plain.inputs());
		assertThat(fast.inputs().rank1()).isEqualTo(plain.inputs().rank1());
		for (int i = 0; i < plain.inputs().values().length; i++) {
			assertThat(Double.doubleToRawLongBits(fast.inputs().values()[i]))
				.isEqualTo(Double.doubleToRawLongBits(plain.inputs().values()[i]));
		}
		assertThat(fast.seed()).isEqualTo(plain.seed());
		assertThat(fast.layers()).isEqualTo(plain.layers());
	}

	@Test
	void readsRowsAndVectorsAsJacksonDoes() {
		sameAsJackson("{\"inputs\":[[1,2],[3,4]]}");
		sameAsJackson("{\"inputs\":[1,2.5,-0,-0.0,1e-3]}");
		sameAsJackson(
				" \n{ \"seed\" : 0 , \"inputs\" :\n [ [ 0.5 ,\t-1 ] ,\r\n [2, 3] ] , \"layers\": [{\"a\": [1, [2]]}] }");
		sameAsJackson("{\"seed\":1,\"layers\":[{\"x\":\"a \\\" [ \\\\\",\"inputs\":[9]}],\"inputs\":[[7]]}");
		sameAsJackson("{\"inputs\":[[12345678901234567890123,1e22,1e23,4.9e-324,1e-400]]}");
		SplittableRandom random = new SplittableRandom(3);
		StringBuilder sb = new StringBuilder("{\"seed\":0,\"inputs\":[");
		for (int r = 0; r < 5000; r++) {
			sb.append(r == 0 ? "[" : ",[")
				.append(Float.intBitsToFloat(random.nextInt(0x7f000000)))
				.append(',')
				.append((float) random.nextGaussian())
				.append(',')
				.append(random.nextLong())
				.append(']');
		}
		sameAsJackson(sb.append("],\"layers\":[]}").toString());
	}

	@Test
	void blanksOnlyTheInsideOfTheBatchAndKeepsLineBreaks() {
		String json = "{\"seed\": 0,\n \"inputs\": [[1, 2],\n [3, 4]], \"layers\": []}";
		BatchPrescan.Result result = scan(json);
		int open = json.indexOf("[[");
		int close = json.indexOf("]],") + 1;
		String blanked = new String(result.body(), StandardCharsets.UTF_8);
		String inside = json.substring(open + 1, close).replaceAll("[^\n]", " ");
		assertThat(inside).isEqualTo("       \n       ");
		assertThat(blanked).isEqualTo(json.substring(0, open + 1) + inside + json.substring(close));
		assertThat(result.batches()).containsOnlyKeys((long) open);
		assertThat(result.batches().get((long) open)).isEqualTo(DoubleBatch.of(new double[] { 1, 2, 3, 4 }, 2, 2));
	}

	@Test
	void leavesEverythingUnusualToTheNormalReading() {
		for (String json : List.of("[1]", "", "   ", "{}", "{\"seed\":0}", "{\"inputs\":null}", "{\"inputs\":[]}",
				"{\"inputs\":[[]]}", "{\"inputs\":[[1],[]]}", "{\"inputs\":[01]}", "{\"inputs\":[+1]}",
				"{\"inputs\":[.5]}", "{\"inputs\":[1.]}", "{\"inputs\":[1e]}", "{\"inputs\":[NaN]}",
				"{\"inputs\":[Infinity]}", "{\"inputs\":[-Infinity]}", "{\"inputs\":[\"1\"]}", "{\"inputs\":[\"NaN\"]}",
				"{\"inputs\":[null]}", "{\"inputs\":[true]}", "{\"inputs\":[{}]}", "{\"inputs\":[[[1]]]}",
				"{\"inputs\":[[1,2],[3]]}", "{\"inputs\":[[1],2]}", "{\"inputs\":[1,[2]]}", "{\"inputs\":[1,2,]}",
				"{\"inputs\":[[1],]}", "{\"inputs\":[[1,]]}", "{\"inputs\":[1 2]}", "{\"inputs\":[[1][2]]}",
				"{\"inputs\":[[1,2],[3,4]", "{\"inputs\":[[1,2],[3,4", "{\"inputs\":[1,2", "{\"inputs\":[1e400]}",
				"{\"inputs\":[-1e309]}", "{\"inputs\":[1" + "0".repeat(64) + "]}", "{\"inputs\":[1\u00a0]}",
				"{\"inputs\":[1\f]}", "{\"inputs\": 5}", "{\"inputs\":\"[1]\"}", "{\"seed\":[1,2,\"inputs\":[1]}",
				"{\"a\":\"unterminated, \"inputs\":[1]", "{\"in\\u0070uts\":[1]}", "{\"seed\" 0, \"inputs\":[1]}",
				"{\"seed\":0 \"inputs\":[1]}")) {
			assertThat(scan(json)).as(json).isNull();
		}
	}

	@Test
	void leavesBatchesOverALimitToTheNormalReading() {
		Limits small = new Limits(DataSize.ofMegabytes(1), 6, 2, 32, 4096, 4_000_000, 50_000_000L, 1_000_000,
				100_000_000L, 400, 16, 16, 1000, DataSize.ofMegabytes(32));
		assertThat(BatchPrescan.scan(bytes("{\"inputs\":[[1,2],[3,4]]}"), small)).isNotNull();
		assertThat(BatchPrescan.scan(bytes("{\"inputs\":[[1,2],[3,4],[5,6]]}"), small)).as("rows").isNull();
		assertThat(BatchPrescan.scan(bytes("{\"inputs\":[1,2,3,4,5,6]}"), small)).isNotNull();
		assertThat(BatchPrescan.scan(bytes("{\"inputs\":[1,2,3,4,5,6,7]}"), small)).as("values").isNull();
		assertThat(BatchPrescan.scan(bytes("{\"inputs\":[0.12345678901234]}"), small)).isNotNull();
		assertThat(BatchPrescan.scan(bytes("{\"inputs\":[0.123456789012345]}"), small)).as("length").isNull();
	}

	@Test
	void countsPrescannedValuesAgainstTheRequestLimit() {
		Limits small = new Limits(DataSize.ofMegabytes(1), 5, 100, 32, 4096, 4_000_000, 50_000_000L, 1_000_000,
				100_000_000L, 400, 16, 64, 1000, DataSize.ofMegabytes(32));
		JsonMapper mapper = mapper(small);
		String json = "{\"layers\":[1,2],\"inputs\":[[1,2],[3,4]]}";
		record Two(DoubleBatch layers, DoubleBatch inputs) {
		}
		BatchPrescan.Result result = BatchPrescan.scan(bytes(json), small);
		assertThat(result).isNotNull();
		String plain = failure(() -> mapper.readValue(json, Two.class));
		String fast = failure(() -> mapper.readerFor(Two.class)
			.withAttribute(BatchPrescan.ATTRIBUTE, result.batches())
			.readValue(result.body()));
		assertThat(plain).contains("more than 5 numbers");
		assertThat(fast).isEqualTo(plain);
	}

	@Test
	void anArrayAtAnotherOffsetIsReadAsUsual() {
		Map<Long, DoubleBatch> elsewhere = new HashMap<>();
		elsewhere.put(3L, DoubleBatch.vector(new double[] { 42 }));
		Body body = MAPPER.readerFor(Body.class)
			.withAttribute(BatchPrescan.ATTRIBUTE, elsewhere)
			.readValue("{\"inputs\":[1,2]}");
		assertThat(body.inputs()).isEqualTo(DoubleBatch.vector(new double[] { 1, 2 }));
		assertThat(elsewhere).hasSize(1);
	}

	/**
	 * The exception a read ends with, unwrapped from Jackson's (whose location differs).
	 */
	private static String failure(Runnable read) {
		try {
			read.run();
		}
		catch (RuntimeException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			return cause.getClass().getName() + ": " + cause.getMessage();
		}
		return "no failure";
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}

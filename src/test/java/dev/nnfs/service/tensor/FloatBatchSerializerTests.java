package dev.nnfs.service.tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw-chunk writers give the same bytes as Jackson's own number writing, one
 * {@code writeNumber(float)} per value, wherever the array sits in the document.
 */
class FloatBatchSerializerTests {

	private static JsonMapper mapper(ValueSerializer<FloatBatch> serializer) {
		SimpleModule module = new SimpleModule();
		module.addSerializer(FloatBatch.class, serializer);
		return JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).addModule(module).build();
	}

	private static final JsonMapper CHUNKED = mapper(new FloatBatchSerializer());

	private static final JsonMapper PER_NUMBER = mapper(new PerNumberSerializer());

	record Holder(float[] confidence) {
	}

	@Test
	void sameBytesAsOneWriteNumberPerValue() {
		SplittableRandom random = new SplittableRandom(5);
		for (int trial = 0; trial < 200; trial++) {
			int rows = random.nextInt(1, trial < 190 ? 50 : 5000);
			int cols = random.nextInt(1, 12);
			boolean rank1 = random.nextInt(4) == 0;
			if (rank1) {
				rows = 1;
			}
			float[] v = new float[rows * cols];
			for (int i = 0; i < v.length; i++) {
				v[i] = switch (random.nextInt(40)) {
					case 0 -> Float.NaN;
					case 1 -> Float.POSITIVE_INFINITY;
					case 2 -> Float.NEGATIVE_INFINITY;
					case 3 -> -0f;
					default -> Float.intBitsToFloat(random.nextInt());
				};
			}
			FloatBatch batch = new FloatBatch(v, rows, cols, rank1);
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("shape", batch.shape());
			doc.put("outputs", batch);
			doc.put("more", List.of(batch, batch));
			doc.put("after", 1);
			assertThat(CHUNKED.writeValueAsString(doc)).isEqualTo(PER_NUMBER.writeValueAsString(doc));
			assertThat(CHUNKED.writeValueAsBytes(batch)).isEqualTo(PER_NUMBER.writeValueAsBytes(batch));
		}
	}

	record Answer(FloatBatch outputs, int[] argmax, FloatBatch confidence, float[] again, FloatBatch other) {
	}

	/** The vector right after the batch matches its row maxima only in part. */
	record Mixed(FloatBatch outputs, float[] partly, FloatBatch confidence) {
	}

	@Test
	void rowMaximaReusedForTheConfidenceGiveTheSameBytes() {
		SimpleModule chunkedModule = new SimpleModule();
		chunkedModule.addSerializer(FloatBatch.class, new FloatBatchSerializer());
		chunkedModule.addSerializer(float[].class, new FloatArraySerializer());
		JsonMapper chunked = JsonMapper.builder()
			.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
			.addModule(chunkedModule)
			.build();
		SplittableRandom random = new SplittableRandom(11);
		for (int trial = 0; trial < 300; trial++) {
			int rows = random.nextInt(1, trial < 280 ? 60 : 6000);
			int cols = random.nextInt(1, 20);
			float[] v = new float[rows * cols];
			for (int i = 0; i < v.length; i++) {
				v[i] = switch (random.nextInt(30)) {
					case 0 -> Float.NaN;
					case 1 -> Float.POSITIVE_INFINITY;
					case 2 -> Float.NEGATIVE_INFINITY;
					case 3 -> -0f;
					case 4 -> 0f;
					case 5 -> (i > 0) ? v[i - 1] : 1f;
					case 6, 7, 8 -> random.nextInt(-3, 4) / 3f;
					default -> Float.intBitsToFloat(random.nextInt());
				};
			}
			FloatBatch outputs = FloatBatch.of(v, rows, cols);
			Predictions predictions = Predictions.of(v, rows, cols);
			float[] shuffled = predictions.confidence().clone();
			for (int i = 0; i < shuffled.length; i++) {
				if (random.nextInt(5) == 0) {
					shuffled[i] = Float.intBitsToFloat(random.nextInt());
				}
			}
			FloatBatch other = FloatBatch.vector(random.nextBoolean() ? shuffled : new float[random.nextInt(1, 9)]);
			Answer answer = new Answer(outputs, predictions.argmax(), FloatBatch.vector(predictions.confidence()),
					shuffled, other);
			String expected = PER_NUMBER.writeValueAsString(answer);
			assertThat(chunked.writeValueAsString(answer)).as("trial %d, %d x %d", trial, rows, cols)
				.isEqualTo(expected);
			Mixed mixed = new Mixed(outputs, shuffled, FloatBatch.vector(predictions.confidence()));
			assertThat(chunked.writeValueAsString(mixed)).isEqualTo(PER_NUMBER.writeValueAsString(mixed));
			assertThat(new String(chunked.writeValueAsBytes(answer), java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo(expected);
		}
	}

	/** Row maxima as {@code Predictions} finds them: the first of the largest. */
	private record Predictions(int[] argmax, float[] confidence) {

		static Predictions of(float[] v, int rows, int cols) {
			int[] argmax = new int[rows];
			float[] confidence = new float[rows];
			for (int r = 0; r < rows; r++) {
				int best = 0;
				for (int c = 1; c < cols; c++) {
					if (v[r * cols + c] > v[r * cols + best]) {
						best = c;
					}
				}
				argmax[r] = best;
				confidence[r] = v[r * cols + best];
			}
			return new Predictions(argmax, confidence);
		}

	}

	@Test
	void floatArraysAsJacksonWritesThem() {
		SimpleModule module = new SimpleModule();
		module.addSerializer(float[].class, new FloatArraySerializer());
		JsonMapper chunked = JsonMapper.builder()
			.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
			.addModule(module)
			.build();
		JsonMapper plain = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
		for (float[] v : List.of(new float[0], new float[] { 1f / 3, Float.NaN, -0f, 1e-4f },
				new float[] { Float.NEGATIVE_INFINITY })) {
			assertThat(chunked.writeValueAsString(new Holder(v))).isEqualTo(plain.writeValueAsString(new Holder(v)));
		}
	}

}

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

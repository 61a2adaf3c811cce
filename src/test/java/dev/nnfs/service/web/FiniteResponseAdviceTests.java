package dev.nnfs.service.web;

import dev.nnfs.service.problem.NonFiniteResultException;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The answer walk names the first non-finite number by its JSON Pointer (RFC 6901) in the
 * answer as Jackson writes it: record components by name, list and array items by index.
 */
class FiniteResponseAdviceTests {

	record Layer(String name, Batch outputs) {
	}

	record Answer(FloatBatch outputs, List<Layer> layers, Map<String, Object> extra, float[] confidence, Double loss) {
	}

	private static FloatBatch finite() {
		return FloatBatch.of(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
	}

	private static String pointerOf(Object answer) {
		NonFiniteResultException ex = catchThrowableOfType(NonFiniteResultException.class,
				() -> FiniteResponseAdvice.check(answer));
		assertThat(ex).as("a non-finite value is refused").isNotNull();
		return ex.resultPointer();
	}

	@Test
	void aFiniteAnswerPasses() {
		Answer answer = new Answer(finite(), List.of(new Layer("dense", finite())), Map.of("x", 1.5),
				new float[] { 0.5f }, 0.25);
		assertThatNoException().isThrownBy(() -> FiniteResponseAdvice.check(answer));
		assertThatNoException().isThrownBy(() -> FiniteResponseAdvice.check(List.of(answer, answer)));
	}

	@Test
	void eachPlaceIsNamedByItsPointer() {
		float[] overflow = { 1, 2, 3, 4, 5, Float.POSITIVE_INFINITY };
		assertThat(pointerOf(new Answer(FloatBatch.of(overflow, 2, 3), List.of(), Map.of(), null, null)))
			.isEqualTo("/outputs/1/2");
		assertThat(pointerOf(
				new Answer(finite(), List.of(new Layer("a", finite()), new Layer("b", FloatBatch.of(overflow, 3, 2))),
						Map.of(), null, null)))
			.isEqualTo("/layers/1/outputs/2/1");
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("ok", 1.0);
		extra.put("scores", new double[] { 0, Double.NaN });
		assertThat(pointerOf(new Answer(finite(), List.of(), extra, null, null))).isEqualTo("/extra/scores/1");
		assertThat(pointerOf(new Answer(finite(), List.of(), Map.of(), new float[] { 0, 1, Float.NaN }, null)))
			.isEqualTo("/confidence/2");
		assertThat(pointerOf(new Answer(finite(), List.of(), Map.of(), null, Double.NEGATIVE_INFINITY)))
			.isEqualTo("/loss");
		assertThat(pointerOf(List.of(new Layer("a", finite()),
				new Layer("b", DoubleBatch.vector(new double[] { 0, Double.POSITIVE_INFINITY })))))
			.isEqualTo("/1/outputs/1");
	}

}

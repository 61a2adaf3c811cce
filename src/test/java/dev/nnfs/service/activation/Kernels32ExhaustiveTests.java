package dev.nnfs.service.activation;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every float32 bit pattern but the NaNs (4,278,190,082 inputs) through each element-wise
 * activation with its default parameters, against {@link Reference32}: prints the worst
 * error and the share correctly rounded, fails on any {@link Accuracy32} violation. Not
 * part of the default build (minutes per activation):
 * {@code ./mvnw -o -Pexhaustive test}, or one activation with
 * {@code -Dexhaustive.activations=gelu}.
 */
@Tag("exhaustive")
class Kernels32ExhaustiveTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "step", "linear", "relu", "leaky_relu", "sigmoid", "tanh", "elu", "gelu", "softplus", "silu" })
	void withinOneUlpForEveryFloat(String name) {
		String only = System.getProperty("exhaustive.activations");
		if (only != null && !only.isBlank() && !List.of(only.split(",")).contains(name)) {
			return;
		}
		long start = System.nanoTime();
		List<Accuracy32> parts = IntStream.range(0, 256)
			.parallel()
			.mapToObj((p) -> Kernels32Tests.run(name, null, 1, ((long) p) << 24, ((long) p + 1) << 24))
			.toList();
		Accuracy32 total = new Accuracy32(name);
		parts.forEach(total::merge);
		System.out.printf("%s (%.0f s)%n", total.summary(), (System.nanoTime() - start) / 1e9);
		total.violations.forEach(System.out::println);
		assertThat(total.violations).isEmpty();
	}

}

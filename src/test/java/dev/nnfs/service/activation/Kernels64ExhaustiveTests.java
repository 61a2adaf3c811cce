package dev.nnfs.service.activation;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200,000 seeded random inputs per smooth float64 activation (1.2 million in all; as
 * {@link Kernels64Tests#sample}: a third random bit patterns over the whole range, a
 * third uniform over the range where the function is not trivial, a third log-uniform in
 * magnitude) plus the edges, against {@link Reference64}: prints the worst error and the
 * share correctly rounded, fails on any {@link Accuracy64} violation. Not part of the
 * default build (minutes):
 * {@code ./mvnw -o -Pexhaustive test -Dtest=Kernels64ExhaustiveTests}, one activation
 * with {@code -Dexhaustive.activations=gelu}.
 */
@Tag("exhaustive")
class Kernels64ExhaustiveTests {

	static final int COUNT = 200_000;

	static final int PARTS = 40;

	@ParameterizedTest(name = "{0} alpha={1}")
	@CsvSource({ "sigmoid, 0", "tanh, 0", "elu, 1", "gelu, 0", "softplus, 0", "silu, 0" })
	void withinOneUlpOnAMillionInputs(String name, double alpha) {
		String only = System.getProperty("exhaustive.activations");
		if (only != null && !only.isBlank() && !List.of(only.split(",")).contains(name)) {
			return;
		}
		long start = System.nanoTime();
		List<Accuracy64> parts = IntStream.range(0, PARTS)
			.parallel()
			.mapToObj((p) -> Kernels64Tests.run(name, alpha, Kernels64Tests.sample(name, COUNT / PARTS, 1000 + p)))
			.toList();
		Accuracy64 total = Kernels64Tests.run(name, alpha, Kernels64Tests.edges());
		parts.forEach(total::merge);
		System.out.printf("%s (%.0f s)%n", total.summary(), (System.nanoTime() - start) / 1e9);
		total.violations.forEach(System.out::println);
		assertThat(total.violations).isEmpty();
		assertThat(total.count).isGreaterThanOrEqualTo(COUNT);
	}

}

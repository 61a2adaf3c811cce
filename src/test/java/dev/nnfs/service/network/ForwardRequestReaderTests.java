package dev.nnfs.service.network;

import java.util.List;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.network.ForwardRequest.DenseSpec;
import dev.nnfs.service.network.NetworkBuilder.Plan;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.Violation;
import dev.nnfs.service.tensor.FloatBatch;
import dev.nnfs.service.tensor.BatchDeserializer;
import dev.nnfs.service.tensor.DoubleBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Reading and checking a network request without Spring: the JSON reader collects every
 * mistake of a body, the network check adds what only the whole network shows, and a
 * limit is reported only when nothing else is wrong.
 */
class ForwardRequestReaderTests {

	private static final NetworkBuilder BUILDER = new NetworkBuilder(Activations.standard(), Limits.defaults());

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.addModule(new SimpleModule().addDeserializer(DoubleBatch.class, new BatchDeserializer(Limits.defaults()))
			.addDeserializer(ForwardRequest.class, new ForwardRequestReader(BUILDER)))
		.build();

	private static ForwardRequest read(String json) {
		return MAPPER.readValue(json, ForwardRequest.class);
	}

	/**
	 * What reading and building the body throws, the service's own exception found in
	 * Jackson's wrapping.
	 */
	private static <T extends Throwable> T refusal(String json, Class<T> type) {
		Throwable thrown = catchThrowable(() -> BUILDER.build(read(json)));
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		throw new AssertionError(json + " was not refused with " + type.getSimpleName() + " but " + thrown);
	}

	private static List<String> pointers(String json) {
		return refusal(json, InvalidInputException.class).violations().stream().map(Violation::pointer).toList();
	}

	@Test
	void aBodyWithSeveralMistakesReportsEachOnce() {
		assertThat(pointers("""
				{"sed": 1, "inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 2.5},
				 {"type": "activation", "name": "relu", "weights": [[1]]}, {"type": "conv"}, 7],
				 "returnLayers": "some"}""")).containsExactly("/sed", "/layers/0/neurons", "/layers/1/weights",
				"/layers/2/type", "/layers/3", "/returnLayers");
	}

	@Test
	void aReadableBodyIsCheckedInFullBeforeAnswering() {
		assertThat(pointers("""
				{"seed": 4294967296, "inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 0},
				 {"type": "activation", "name": "swish2"}, {"type": "dense", "neurons": 2, "inputs": 7}],
				 "labels": [0]}""")).containsExactly("/seed", "/layers/0/neurons", "/layers/1/name");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			fraction         | 2.9999 | /layers/0/neurons
			string           | "3"    | /layers/0/neurons
			boolean          | true   | /layers/0/neurons
			""")
	void integerFieldsTakeWholeNumbersOnly(String name, String value, String pointer) {
		assertThat(pointers("{\"inputs\": [[1, 2]], \"layers\": [{\"type\": \"dense\", \"neurons\": " + value + "}]}"))
			.containsExactly(pointer);
	}

	@Test
	void wholeNumbersMayBeWrittenWithAFraction() {
		ForwardRequest request = read(
				"{\"seed\": 7.0, \"inputs\": [[1, 2]], \"layers\": [{\"type\": \"dense\", \"neurons\": 3e0}]}");
		assertThat(request.seed()).isEqualTo(7L);
		assertThat(((DenseSpec) request.layers().get(0)).neurons()).isEqualTo(3L);
	}

	@Test
	void neuronsFollowFromExplicitWeights() {
		Plan plan = BUILDER.build(read(
				"{\"inputs\": [[1, 2]], \"layers\": [{\"type\": \"dense\", \"weights\": [[1, 0, 2], [0, 1, 3]]}]}"));
		assertThat(plan.network().forward(plan.floatInputs(), false).get(0).values()).containsExactly(1f, 2f, 8f);
	}

	@Test
	void neuronsThatContradictTheWeightsAreAMistake() {
		assertThat(pointers(
				"{\"inputs\": [[1, 2]], \"layers\": [{\"type\": \"dense\", \"neurons\": 2, \"weights\": [[1, 0, 2], [0, 1, 3]]}]}"))
			.containsExactly("/layers/0/weights");
	}

	@Test
	void aLimitIsReportedOnlyWhenNothingElseIsWrong() {
		String tooWide = "{\"type\": \"dense\", \"neurons\": 5000}";
		assertThat(pointers("{\"inputs\": [[1, 2]], \"layers\": [" + tooWide + ", {\"type\": \"activation\"}]}"))
			.containsExactly("/layers/1/name");
		LimitExceededException direct = refusal("{\"inputs\": [[1, 2]], \"layers\": [" + tooWide + "]}",
				LimitExceededException.class);
		assertThat(direct.limit()).isEqualTo("nnfs.limits.max-neurons");
		assertThat(direct.pointer()).isEqualTo("/layers/0/neurons");
	}

}

package dev.nnfs.service.activation;

import java.util.List;
import java.util.Map;

import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.JsonBody;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The body of {@code POST /activations/{name}}. */
@JsonDeserialize(using = ActivationRequest.Reader.class)
@Schema(description = "A batch to apply the activation to, and optional parameter overrides")
public record ActivationRequest(
		@Schema(description = "a batch (array of rows) or a single sample (array of numbers)",
				requiredMode = RequiredMode.REQUIRED, ref = "#/components/schemas/Batch") DoubleBatch inputs,
		@Schema(description = "parameter overrides, name → value (see GET /activations/{name})") Map<String, Double> params,
		@Schema(description = "float32 (numpy under nnfs.init(), the default) or float64 (plain numpy, as the seeds' list cells)",
				allowableValues = {
						"float32", "float64" },
				defaultValue = "float32") String dtype){

	/** Reads the body, reporting every unknown field and wrongly typed value at once. */
	static final class Reader extends ValueDeserializer<ActivationRequest> {

		/**
		 * Stateless, so Jackson may keep one: a deserializer that is not cachable is
		 * looked up again (annotations, mix-ins) every time a request is read.
		 */
		@Override
		public boolean isCachable() {
			return true;
		}

		private static final List<String> FIELDS = List.of("inputs", "params", "dtype");

		@Override
		public ActivationRequest deserialize(JsonParser p, DeserializationContext ctxt) {
			Violations violations = new Violations();
			JsonBody body = new JsonBody(p, ctxt, violations);
			DoubleBatch[] inputs = new DoubleBatch[1];
			String[] dtype = new String[1];
			boolean[] given = new boolean[1];
			@SuppressWarnings("unchecked")
			Map<String, Double>[] params = new Map[1];
			boolean read = body.object("", "the body", FIELDS, (name, at) -> {
				if (name.equals("inputs")) {
					given[0] = true;
					inputs[0] = body.batch(at);
				}
				else if (name.equals("params")) {
					params[0] = body.numbers(at);
				}
				else {
					dtype[0] = body.string(at);
				}
			});
			if (read && inputs[0] == null && !violations.covers("/inputs")) {
				violations.at("/inputs",
						given[0] ? "must be a batch (array of rows) or one sample (array of numbers), not null"
								: "is required: a batch (array of rows) or one sample (array of numbers)");
			}
			violations.throwIfAny();
			return new ActivationRequest(inputs[0], params[0], dtype[0]);
		}

	}

}

package dev.nnfs.service.serving;

import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.JsonBody;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The body of {@code POST /models/{name}/forward}: data for a saved network. */
@JsonDeserialize(using = ForwardOnModel.Reader.class)
@Schema(description = "A batch for a saved model, with optional labels and per-layer detail")
public record ForwardOnModel(
		@Schema(description = "a batch (array of rows) or one sample, as wide as the model's inputs",
				requiredMode = RequiredMode.REQUIRED, ref = "#/components/schemas/Batch") DoubleBatch inputs,
		@Schema(description = "a class index per row or one-hot rows",
				ref = "#/components/schemas/Batch") DoubleBatch labels,
		@Schema(description = "false (default), true or \"all\", as for /network/forward",
				ref = "#/components/schemas/ReturnLayers") Object returnLayers) {

	static final List<String> FIELDS = List.of("inputs", "labels", "returnLayers");

	static final class Reader extends ValueDeserializer<ForwardOnModel> {

		/**
		 * Stateless, so Jackson may keep one: a deserializer that is not cachable is
		 * looked up again (annotations, mix-ins) every time a request is read.
		 */
		@Override
		public boolean isCachable() {
			return true;
		}

		@Override
		public ForwardOnModel deserialize(JsonParser p, DeserializationContext ctxt) {
			Violations violations = new Violations();
			JsonBody body = new JsonBody(p, ctxt, violations);
			Object[] f = new Object[3];
			boolean read = body.object("", "the body", FIELDS, (name, at) -> f[FIELDS.indexOf(name)] = switch (name) {
				case "inputs", "labels" -> body.batch(at);
				default -> body.booleanOr(at, List.of("all"));
			});
			if (read && f[0] == null && !violations.covers("/inputs")) {
				violations.at("/inputs", "is required: a batch (array of rows) or one sample (array of numbers)");
			}
			violations.throwIfAny();
			return new ForwardOnModel((DoubleBatch) f[0], (DoubleBatch) f[1], f[2]);
		}

	}

}

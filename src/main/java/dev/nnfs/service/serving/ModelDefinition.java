package dev.nnfs.service.serving;

import dev.nnfs.service.network.ForwardRequest.LayerSpec;
import dev.nnfs.service.network.ForwardRequestReader;
import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.tensor.JsonBody;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A model as a client sends it to {@code PUT /models/{name}}, and as the repository
 * stores it ({@code <name>/<version>/model.json}, with explicit weights only).
 *
 * @param seed where drawn weights come from ({@code np.random.seed}); only when saving
 * @param skip normals thrown away after seeding; only when saving
 */
@JsonDeserialize(using = ModelDefinition.Reader.class)
@Schema(description = "A network to save: its input width, optional class labels, and layers as for /network/forward. "
		+ "Dense layers without weights are drawn once, from seed and skip, when the model is saved; "
		+ "the stored version holds the explicit weights.")
public record ModelDefinition(@Schema(description = "what the model is, for people") String description,
		@Schema(description = "float32 (default, nnfs.init()) or float64 (plain numpy)", allowableValues = {
				"float32", "float64" }) String dtype,
		@Schema(description = "the width of an input row", requiredMode = RequiredMode.REQUIRED,
				minimum = "1") Long inputs,
		@Schema(description = "a name per output (class labels), for classification answers") List<String> labels,
		@Schema(description = "the layers, as for /network/forward",
				requiredMode = RequiredMode.REQUIRED) List<LayerSpec> layers,
		@Schema(description = "np.random.seed of drawn weights; only when saving (default 0)", minimum = "0",
				maximum = "4294967295") Long seed,
		@Schema(description = "normals thrown away after seeding; only when saving (default 0)",
				minimum = "0") Long skip){

	static final List<String> FIELDS = List.of("description", "dtype", "inputs", "labels", "layers", "seed", "skip");

	/** Reads the document field by field, reporting every mistake at once. */
	static final class Reader extends ValueDeserializer<ModelDefinition> {

		/**
		 * Stateless, so Jackson may keep one: a deserializer that is not cachable is
		 * looked up again (annotations, mix-ins) every time a request is read.
		 */
		@Override
		public boolean isCachable() {
			return true;
		}

		@Override
		public ModelDefinition deserialize(JsonParser p, DeserializationContext ctxt) {
			Violations violations = new Violations();
			JsonBody body = new JsonBody(p, ctxt, violations);
			Object[] f = new Object[FIELDS.size()];
			body.object("", "the model", FIELDS, (name, at) -> f[FIELDS.indexOf(name)] = switch (name) {
				case "description", "dtype" -> body.string(at);
				case "inputs", "seed", "skip" -> body.integer(at);
				case "labels" -> body.list(at, (element) -> body.string(element));
				default -> body.list(at, (element) -> ForwardRequestReader.layer(body, element));
			});
			violations.throwIfAny();
			@SuppressWarnings("unchecked")
			List<String> labels = (List<String>) f[3];
			@SuppressWarnings("unchecked")
			List<LayerSpec> layers = (List<LayerSpec>) f[4];
			return new ModelDefinition((String) f[0], (String) f[1], (Long) f[2], labels, layers, (Long) f[5],
					(Long) f[6]);
		}

	}

}

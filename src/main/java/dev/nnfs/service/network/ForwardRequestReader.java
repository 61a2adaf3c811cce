package dev.nnfs.service.network;

import java.util.List;

import dev.nnfs.service.network.ForwardRequest.ActivationSpec;
import dev.nnfs.service.network.ForwardRequest.DenseSpec;
import dev.nnfs.service.network.ForwardRequest.LayerSpec;
import dev.nnfs.service.network.ForwardRequest.SpiralSpec;
import dev.nnfs.service.problem.Violation;
import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.JsonBody;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link ForwardRequest} from JSON and checks it in full before anything is
 * computed: unknown fields, wrong JSON types and fractional integers while reading
 * ({@link JsonBody}), then the network itself ({@link NetworkBuilder#check}). Every
 * mistake found is reported in one answer; a layer is polymorphic on {@code type}, and a
 * field of the other kind of layer is a mistake of its own ("does not apply to a dense
 * layer").
 */
public final class ForwardRequestReader extends ValueDeserializer<ForwardRequest> {

	/**
	 * Stateless, so Jackson may keep one: a deserializer that is not cachable is looked
	 * up again (annotations, mix-ins) every time a request is read.
	 */
	@Override
	public boolean isCachable() {
		return true;
	}

	static final List<String> FIELDS = List.of("seed", "skip", "inputs", "spiral", "layers", "labels", "returnLayers",
			"dtype");

	private static final List<String> SPIRAL_FIELDS = List.of("samples", "classes");

	private static final List<String> DENSE_FIELDS = List.of("neurons", "inputs", "weightScale", "weights", "biases");

	private static final List<String> ACTIVATION_FIELDS = List.of("name", "params");

	private static final List<String> LAYER_FIELDS = List.of("type", "neurons", "inputs", "weightScale", "weights",
			"biases", "name", "params");

	private final NetworkBuilder builder;

	public ForwardRequestReader(NetworkBuilder builder) {
		this.builder = builder;
	}

	@Override
	public ForwardRequest deserialize(JsonParser p, DeserializationContext ctxt) {
		Violations violations = new Violations();
		ForwardRequest request = read(new JsonBody(p, ctxt, violations));
		if (!violations.isEmpty()) {
			// Check what could be read as well, so the answer lists every mistake at
			// once; a field that could not be read is not reported a second time as
			// missing.
			Violations more = new Violations();
			try {
				builder.check(request, more);
			}
			catch (RuntimeException ex) {
				// a limit: the mistakes already found are what the client hears of first
			}
			List<Violation> unsaid = more.list()
				.stream()
				.filter((v) -> v.pointer() == null || !violations.covers(v.pointer()))
				.toList();
			violations.addAll(unsaid);
			violations.throwIfAny();
		}
		return request;
	}

	private static ForwardRequest read(JsonBody body) {
		Long[] seed = new Long[1];
		Long[] skip = new Long[1];
		DoubleBatch[] inputs = new DoubleBatch[1];
		String[] dtype = new String[1];
		SpiralSpec[] spiral = new SpiralSpec[1];
		@SuppressWarnings("unchecked")
		List<LayerSpec>[] layers = new List[1];
		DoubleBatch[] labels = new DoubleBatch[1];
		Object[] returnLayers = new Object[1];
		body.object("", "the body", FIELDS, (name, at) -> {
			switch (name) {
				case "seed" -> seed[0] = body.integer(at);
				case "skip" -> skip[0] = body.integer(at);
				case "inputs" -> inputs[0] = body.batch(at);
				case "spiral" -> spiral[0] = spiral(body, at);
				case "layers" -> layers[0] = body.list(at, (element) -> layer(body, element));
				case "labels" -> labels[0] = body.batch(at);
				case "dtype" -> dtype[0] = body.string(at);
				default -> returnLayers[0] = body.booleanOr(at, List.of("all"));
			}
		});
		return new ForwardRequest(seed[0], skip[0], inputs[0], spiral[0], layers[0], labels[0], returnLayers[0],
				dtype[0]);
	}

	private static SpiralSpec spiral(JsonBody body, String at) {
		Long[] values = new Long[2];
		boolean present = body.object(at, "spiral", SPIRAL_FIELDS,
				(name, pointer) -> values[name.equals("samples") ? 0 : 1] = body.integer(pointer));
		return present ? new SpiralSpec(values[0], values[1]) : null;
	}

	/** A layer: the fields of both kinds are read, then sorted by {@code type}. */
	public static LayerSpec layer(JsonBody body, String at) {
		Object[] f = new Object[LAYER_FIELDS.size()];
		int before = body.violations().size();
		boolean present = body.object(at, "a layer", LAYER_FIELDS, (name, pointer) -> {
			int i = LAYER_FIELDS.indexOf(name);
			f[i] = switch (name) {
				case "type", "name" -> body.string(pointer);
				case "neurons", "inputs" -> body.integer(pointer);
				case "weightScale" -> body.number(pointer);
				case "weights", "biases" -> body.batch(pointer);
				default -> body.numbers(pointer);
			};
		});
		if (!present) {
			if (body.violations().size() == before) {
				body.violations().at(at, "must be a layer object with a type: dense or activation, not null");
			}
			return null;
		}
		String type = (String) f[0];
		Violations v = body.violations();
		if ("dense".equals(type)) {
			notApplicable(f, ACTIVATION_FIELDS, at, "a dense layer", v);
			return new DenseSpec(type, (Long) f[1], (Long) f[2], (Double) f[3], (DoubleBatch) f[4], (DoubleBatch) f[5]);
		}
		if ("activation".equals(type)) {
			notApplicable(f, DENSE_FIELDS, at, "an activation layer", v);
			@SuppressWarnings("unchecked")
			java.util.Map<String, Double> params = (java.util.Map<String, Double>) f[7];
			return new ActivationSpec(type, (String) f[6], params);
		}
		v.at(at + "/type", type == null ? "is required: dense or activation"
				: "must be dense or activation, not '" + JsonBody.quote(type) + "'");
		return null;
	}

	private static void notApplicable(Object[] f, List<String> fields, String at, String what, Violations v) {
		for (String field : fields) {
			if (f[LAYER_FIELDS.indexOf(field)] != null) {
				v.at(at + "/" + field, "does not apply to " + what);
			}
		}
	}

}

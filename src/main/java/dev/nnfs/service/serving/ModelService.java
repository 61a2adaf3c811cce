package dev.nnfs.service.serving;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.model.InvalidModelException;
import dev.nnfs.service.model.ModelLoader;
import dev.nnfs.service.network.ActivationLayer;
import dev.nnfs.service.network.DenseLayer;
import dev.nnfs.service.network.ForwardRequest;
import dev.nnfs.service.network.ForwardRequest.DenseSpec;
import dev.nnfs.service.network.Layer;
import dev.nnfs.service.network.NetworkBuilder;
import dev.nnfs.service.network.NetworkBuilder.Plan;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.Problems;
import dev.nnfs.service.problem.Violation;
import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.DoubleBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns model definitions into runnable {@link StoredModel}s: checks a definition as
 * {@code /network/forward} checks a request (every mistake, with its pointer), draws the
 * weights of dense layers that have none (once, at save time, from {@code seed} and
 * {@code skip}), and writes the stored document with explicit weights only, so that
 * reading it back builds the same network bit for bit. It is also the repository's
 * {@link ModelLoader}: a file that does not parse or validate is refused with its reason.
 */
public final class ModelService implements ModelLoader<StoredModel> {

	private final NetworkBuilder builder;

	private final Limits limits;

	private final JsonMapper json;

	public ModelService(NetworkBuilder builder, Limits limits, JsonMapper json) {
		this.builder = builder;
		this.limits = limits;
		this.json = json;
	}

	/**
	 * Checks a definition sent to be saved and makes its stored form.
	 * @throws InvalidInputException listing every mistake, with pointers into the body
	 * @throws LimitExceededException for a limit crossed
	 */
	public StoredModel prepare(ModelDefinition definition) {
		return build(definition, true);
	}

	@Override
	public StoredModel load(String name, int version, byte[] document) throws InvalidModelException {
		ModelDefinition definition;
		try {
			definition = json.readValue(document, ModelDefinition.class);
		}
		catch (InvalidInputException ex) {
			throw new InvalidModelException(Problems.sentence(summary(ex.violations())));
		}
		catch (JacksonException ex) {
			throw new InvalidModelException("model.json is not a JSON document of the model's form");
		}
		try {
			return build(definition, false);
		}
		catch (InvalidInputException ex) {
			throw new InvalidModelException(Problems.sentence(summary(ex.violations())));
		}
		catch (LimitExceededException ex) {
			throw new InvalidModelException(Problems.sentence(ex.getMessage()));
		}
	}

	private static String summary(List<Violation> violations) {
		List<String> parts = new ArrayList<>();
		for (Violation v : violations) {
			parts.add((v.pointer() == null ? "" : v.pointer() + ": ") + v.message());
		}
		return String.join("; ", parts);
	}

	private StoredModel build(ModelDefinition d, boolean saving) {
		Violations v = new Violations();
		DType dtype = DType.of(d.dtype(), "/dtype", v);
		long width = -1;
		if (d.inputs() == null) {
			v.at("/inputs", "is required: the width of an input row");
		}
		else if (d.inputs() < 1 || d.inputs() > limits.maxNeurons()) {
			v.at("/inputs", "must be a width from 1 to " + limits.maxNeurons() + " (nnfs.limits.max-neurons), not "
					+ d.inputs());
		}
		else {
			width = d.inputs();
		}
		if (!saving) {
			if (d.seed() != null) {
				v.at("/seed", "a stored model holds explicit weights; seed applies when saving");
			}
			if (d.skip() != null) {
				v.at("/skip", "a stored model holds explicit weights; skip applies when saving");
			}
			if (d.layers() != null) {
				for (int i = 0; i < d.layers().size(); i++) {
					if (d.layers().get(i) instanceof DenseSpec dense && dense.weights() == null) {
						v.at("/layers/" + i + "/weights", "a stored model holds explicit weights");
					}
				}
			}
		}
		List<String> labels = d.labels();
		if (labels != null) {
			for (int i = 0; i < labels.size(); i++) {
				if (labels.get(i) == null || labels.get(i).isEmpty()) {
					v.at("/labels/" + i, "must be a non-empty string");
				}
			}
		}
		// The network is checked as /network/forward checks one, on a zero row as wide as
		// the model's inputs.
		DoubleBatch probe = width > 0 ? DoubleBatch.of(new double[(int) width], 1, (int) width) : null;
		ForwardRequest request = new ForwardRequest(d.seed(), d.skip(), probe, null, d.layers(), null, null, d.dtype());
		Violations network = new Violations();
		builder.check(request, network);
		for (Violation violation : network.list()) {
			if (probe != null || violation.pointer() == null || !violation.pointer().startsWith("/inputs")) {
				v.addAll(List.of(violation));
			}
		}
		v.throwIfAny();
		Plan plan = builder.build(request);
		List<Layer> layers = plan.network().layers();
		int outputs = (int) width;
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				outputs = dense.neurons();
			}
		}
		if (labels != null && labels.size() != outputs) {
			v.at("/labels", "has " + labels.size() + " labels for " + outputs + " outputs");
			v.throwIfAny();
		}
		return new StoredModel(d.description(), dtype, (int) width, outputs,
				labels == null ? null : List.copyOf(labels), summaries(layers), plan.network(),
				document(d, dtype, (int) width, layers));
	}

	private static List<StoredModel.LayerSummary> summaries(List<Layer> layers) {
		List<StoredModel.LayerSummary> out = new ArrayList<>();
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				out.add(new StoredModel.LayerSummary("dense", dense.inputs(), dense.neurons(), null, null));
			}
			else {
				ActivationLayer a = (ActivationLayer) layer;
				out.add(new StoredModel.LayerSummary("activation", null, null, a.activation().name(), a.paramMap()));
			}
		}
		return out;
	}

	/** The stored form: the definition with every dense layer's weights explicit. */
	private byte[] document(ModelDefinition d, DType dtype, int width, List<Layer> layers) {
		List<Object> docs = new ArrayList<>();
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				docs.add(new DenseDocument("dense", dense.inputs(), dense.neurons(), dense.weightBatch(),
						dense.biasBatch()));
			}
			else {
				ActivationLayer a = (ActivationLayer) layer;
				docs.add(new ActivationDocument("activation", a.activation().name(), a.paramMap()));
			}
		}
		return json.writeValueAsBytes(new Document(d.description(), dtype.toString(), width, d.labels(), docs));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Document(String description, String dtype, int inputs, List<String> labels, List<Object> layers) {
	}

	record DenseDocument(String type, int inputs, int neurons, Batch weights, Batch biases) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ActivationDocument(String type, String name, Map<String, Double> params) {
	}

}

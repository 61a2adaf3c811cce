package dev.nnfs.service.activation;

import dev.nnfs.service.compute.NoComputeSlot;
import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.tensor.JsonBody;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/activations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "activations", description = "Activation functions of the nnfs book and beyond, applied to batches")
public class ActivationController {

	private final Activations activations;

	ActivationController(Activations activations) {
		this.activations = activations;
	}

	@GetMapping
	@Operation(operationId = "listActivations", summary = "The activation catalogue",
			description = "One entry per activation: its name, formula, output range, parameters with their defaults, a one-line description, its measured float32 accuracy, and where the output saturates exactly.")
	@ApiResponse(responseCode = "200", description = "The catalogue, one entry per activation", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE,
			array = @ArraySchema(schema = @Schema(implementation = ActivationInfo.class)),
			examples = @ExampleObject(
					name = "the first entries: the book's step and relu, and leaky_relu with its alpha",
					value = """
							[{"name":"step","formula":"y = 1 if x > 0 else 0","range":"{0, 1}","params":{},\
							"description":"Heaviside step: the neuron fires (1) or not (0); the nnfs book's first activation.","accuracy":"exact","saturation":"none: the range is closed"},\
							{"name":"relu","formula":"y = x if x > 0 else 0","range":"[0, inf)","params":{},\
							"description":"Rectified linear unit, np.maximum(0, x): the nnfs book's hidden-layer activation.",\
							"accuracy":"exact; np.maximum(0, x): -0.0 gives -0.0, NaN gives NaN","saturation":"none: the range is closed"},\
							{"name":"leaky_relu","formula":"y = x if x > 0 else alpha * x","range":"(-inf, inf)","params":{"alpha":0.01},\
							"description":"Leaky ReLU: a small slope alpha for negative inputs keeps neurons from dying.",\
							"accuracy":"within 1 ulp of the correctly rounded float32 value; worst 0.50 ulp, correctly rounded (one float64 product) on a sweep of 2.1 million float32 inputs",\
							"saturation":"none: the range is unbounded"}]""")))
	List<ActivationInfo> catalogue() {
		return activations.all().stream().map(ActivationInfo::of).toList();
	}

	@GetMapping("/{name}")
	@NoComputeSlot
	@Operation(operationId = "getActivation", summary = "One activation's catalogue entry",
			description = "The same entry as in `GET /activations`: name, formula, output range, parameters with their defaults, description.")
	@ApiResponse(responseCode = "200", description = "The activation's entry", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ActivationInfo.class),
			examples = @ExampleObject(name = "relu, the book's hidden-layer activation",
					value = """
							{"name":"relu","formula":"y = x if x > 0 else 0","range":"[0, inf)","params":{},\
							"description":"Rectified linear unit, np.maximum(0, x): the nnfs book's hidden-layer activation.",\
							"accuracy":"exact; np.maximum(0, x): -0.0 gives -0.0, NaN gives NaN","saturation":"none: the range is closed"}""")))
	ActivationInfo entry(
			@Parameter(description = "activation name", schema = @Schema(ref = "#/components/schemas/ActivationName"),
					example = "softmax") @PathVariable String name) {
		return ActivationInfo.of(activations.get(name));
	}

	@PostMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "applyActivation", summary = "Apply an activation to a batch", description = """
			Applies the activation to every row of `inputs`, in the request's `dtype`: `float32` (the default, \
			numpy under `nnfs.init()`) or `float64` (plain numpy, as the seeds' cells that pass Python lists). \
			The answer names its dtype and writes shortest round-trip numbers of it.

			* `inputs`: a batch (2-D array, one row per sample, all rows the same length) or a single \
			sample (1-D array; `outputs` then stays 1-D). Values must be finite numbers.
			* `params`: optional, name → value, overriding the defaults listed by `GET /activations` \
			(e.g. `alpha` of `leaky_relu` and `elu`).
			* `argmax`: per row, the index of the largest output, the first on ties (numpy's rule); \
			`confidence`: that largest output. A single sample is one row, so both are one-element arrays.
			* `softmax` is `exp(x - max(x)) / sum(exp(x - max(x)))` per row, so large inputs such as \
			`[[1000, 1001]]` stay finite.

			An unknown name is a 404 whose `detail` lists the known names.""")
	@ApiResponse(responseCode = "200", description = "The outputs, with argmax and confidence per row",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ActivationResponse.class),
					examples = { @ExampleObject(name = "softmax of seed 001 In[37], in float32",
							value = """
									{"activation":"softmax","dtype":"float32","shape":[1,3],"outputs":[[0.09003057,0.24472846,0.66524094]],\
									"argmax":[2],"confidence":[0.66524094]}""",
							description = "numpy's float32 softmax bits; the notebook prints its float64 result, 0.09003057 0.24472847 0.66524096"),
							@ExampleObject(name = "relu of seed 001 In[10], one sample",
									value = """
											{"activation":"relu","dtype":"float32","shape":[8],"outputs":[0.0,2.0,0.0,3.3,0.0,1.1,2.2,0.0],"argmax":[3],"confidence":[3.3]}""",
									description = "The notebook prints [0, 2, 0, 3.3, 0, 1.1, 2.2, 0]") }))
	public ActivationResponse apply(
			@Parameter(description = "activation name", schema = @Schema(ref = "#/components/schemas/ActivationName"),
					example = "softmax") @PathVariable String name,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "softmax of seed 001 In[37]", value = "{\"inputs\": [[1, 2, 3]]}",
							description = "Prints [[0.09003057 0.24472847 0.66524096]] in the seed notebook."),
					@ExampleObject(name = "softmax of seed 001 In[37] in float64, as the notebook computes it",
							value = "{\"inputs\": [[1, 2, 3]], \"dtype\": \"float64\"}",
							description = "Gives [[0.09003057317038046, 0.24472847105479764, 0.6652409557748218]], printed as 0.09003057 0.24472847 0.66524096"),
					@ExampleObject(name = "relu of seed 001 In[10]",
							value = "{\"inputs\": [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]}"),
					@ExampleObject(name = "two rows, softmax", value = "{\"inputs\": [[1, 2, 3], [-1, -2, -3]]}"),
					@ExampleObject(name = "leaky_relu with alpha",
							value = "{\"inputs\": [[-2, 0.5]], \"params\": {\"alpha\": 0.1}}") })) @RequestBody ActivationRequest request) {
		Activation activation = activations.get(name);
		Violations mistakes = new Violations();
		double[] params = activation.resolve(request.params(),
				(param, message) -> mistakes.at("/params/" + JsonBody.escape(param), message));
		DType dtype = DType.of(request.dtype(), "/dtype", mistakes);
		DoubleBatch given = request.inputs();
		FloatBatch floats = dtype == DType.FLOAT32 ? given.toFloat32("/inputs", mistakes) : null;
		mistakes.throwIfAny();
		// The request's buffer is this call's own: the outputs overwrite it.
		Batch outputs;
		if (floats != null) {
			activation.applyInPlace(floats.values(), floats.rows(), floats.cols(), params);
			outputs = floats;
		}
		else {
			activation.applyInPlace(given.values(), given.rows(), given.cols(), params);
			outputs = given;
		}
		Predictions predictions = Predictions.of(outputs);
		return new ActivationResponse(activation.name(), dtype.toString(), outputs.shape(), outputs,
				predictions.argmax(), predictions.confidence());
	}

	public record ActivationResponse(String activation,
			@Schema(description = "the dtype the outputs were computed in", allowableValues = {
					"float32", "float64" }, example = "float32") String dtype,
			int[] shape,
			@Schema(description = "the activation's outputs, same shape as inputs",
					ref = "#/components/schemas/Batch") Batch outputs,
			@Schema(description = "per row, index of the largest output (first on ties)") int[] argmax,
			@Schema(description = "per row, the largest output", ref = "#/components/schemas/Vector") Batch confidence){
	}

	record ActivationInfo(String name, String formula, String range, Map<String, Double> params, String description,
			@Schema(description = "measured float32 accuracy against the correctly rounded result") String accuracy,
			@Schema(description = "where the float32 output reaches the ends of its range exactly") String saturation,
			@Schema(description = "measured float64 accuracy (\"dtype\": \"float64\")") String accuracy64) {

		static ActivationInfo of(Activation a) {
			Map<String, Double> params = new LinkedHashMap<>();
			a.params().forEach((p) -> params.put(p.name(), p.defaultValue()));
			return new ActivationInfo(a.name(), a.formula(), a.range(), params, a.description(), a.accuracy(),
					a.saturation(), a.accuracy64());
		}

	}

}

package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.activation.Predictions;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.network.ForwardResponse.LayerReport;
import dev.nnfs.service.network.NetworkBuilder.Detail;
import dev.nnfs.service.network.NetworkBuilder.Plan;
import dev.nnfs.service.libm.PlatformLibm;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/network", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "network", description = "nnfs's Layer_Dense → activation pipeline, forward pass")
public class NetworkController {

	static final String SEED_000_IN16 = """
			{"seed": 0, "skip": 18, "spiral": {"samples": 100, "classes": 3},
			 "layers": [{"type": "dense", "neurons": 3, "weightScale": 0.1}, {"type": "activation", "name": "relu"},
			            {"type": "dense", "neurons": 3, "weightScale": 0.1}, {"type": "activation", "name": "softmax"}],
			 "returnLayers": true}""";

	static final String BOOK_NETWORK = """
			{"seed": 0, "spiral": {"samples": 100, "classes": 3},
			 "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"},
			            {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}""";

	static final String SEED_000_IN5 = """
			{"seed": 0,
			 "inputs": [[0, 0], [-0.47902483, -0.87780136], [-0.0, -0.0], [0.97696507, 0.2133992], [0, 0], [-0.63560337, 0.7720158]],
			 "layers": [{"type": "dense", "neurons": 3, "weightScale": 0.1}, {"type": "activation", "name": "relu"}],
			 "returnLayers": "all"}""";

	static final String EXPLICIT = """
			{"inputs": [[1, 2], [-1, 0.5]],
			 "layers": [{"type": "dense", "neurons": 2, "weights": [[0.5, -1], [0.25, 1]], "biases": [0.1, 0]},
			            {"type": "activation", "name": "softmax"}],
			 "labels": [0, 1]}""";

	private final NetworkBuilder builder;

	NetworkController(NetworkBuilder builder) {
		this.builder = builder;
	}

	@PostMapping(path = "/forward", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "forwardNetwork", summary = "Forward pass through dense and activation layers",
			description = """
					Runs `inputs` (or nnfs `spiral_data` generated from the stream) through the layers, as the nnfs book's \
					`Layer_Dense` and `Activation_*` classes do.

					* Stream: `np.random.seed(seed)`, then `skip` normals discarded; the spiral is drawn first, then each \
					dense layer without explicit `weights` draws `weightScale * randn(inputs, neurons)` (default scale 0.01) \
					in layer order, with zero biases. `rng.draws` is the stream position afterwards.
					* Dense: `float32(float64(X) · float64(W)) + b`, as under `nnfs.init()`. The incoming width is \
					the width of what reaches the layer; an optional `inputs` field is checked against it.
					* Activation: `name` and optional `params`, as for `/activations/{name}`.
					* `labels`: class indices or one-hot rows (a spiral brings its own, scored when the last layer has \
					an output per class). With labels, `loss` is the \
					categorical cross-entropy of the last layer's output clipped to [1e-7, 1 - 1e-7], and `accuracy` \
					the share of rows whose argmax is the label.
					* `returnLayers`: `true` adds each dense layer's `weights` and `biases` (send them back as explicit \
					weights to reproduce the answer exactly) and each relu layer's `deadNeurons`; `"all"` adds every \
					layer's `outputs` too.
					* Large batches without `labels` or `returnLayers` are written while they are computed (the same \
					JSON, sent chunked as rows become ready) when every output is provably finite; an answer that \
					runs past the compute deadline then ends with the connection closed instead of a 503.""")
	@ApiResponse(responseCode = "200", description = "the forward pass", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ForwardResponse.class),
			examples = { @ExampleObject(name = "seed 000 In[5]",
					value = """
							{"dtype":"float32","shape":[6,3],"outputs":[[0.0,0.0,0.0],[0.0,0.0,0.03890161],[0.0,0.0,0.0],\
							[0.22016223,0.07894751,0.07476425],[0.0,0.0,0.0],[0.060876727,0.118744306,0.0]],\
							"argmax":[0,2,0,0,0,1],"confidence":[0.0,0.03890161,0.0,0.22016223,0.0,0.118744306],\
							"layers":[{"type":"dense","inputs":2,"neurons":3,\
							"weights":[[0.17640524,0.040015724,0.0978738],[0.22408931,0.1867558,-0.09772779]],"biases":[0.0,0.0,0.0],\
							"outputs":[[0.0,0.0,0.0],[-0.2812084,-0.18310302,0.03890161],[0.0,0.0,0.0],[0.22016223,0.07894751,0.07476425],\
							[0.0,0.0,0.0],[0.060876727,0.118744306,-0.13765632]]},\
							{"type":"activation","name":"relu","deadNeurons":[],\
							"outputs":[[0.0,0.0,0.0],[0.0,0.0,0.03890161],[0.0,0.0,0.0],[0.22016223,0.07894751,0.07476425],\
							[0.0,0.0,0.0],[0.060876727,0.118744306,0.0]]}],"rng":{"seed":0,"draws":6}}""",
					description = "The answer to the seed 000 In[5] request: the notebook prints the weights and X·W before ReLU"),
					@ExampleObject(name = "explicit weights and labels",
							value = """
									{"dtype":"float32","shape":[2,2],"outputs":[[0.5249792,0.47502083],[0.14492165,0.8550784]],"argmax":[0,1],\
									"confidence":[0.5249792,0.8550784],"loss":0.40047938,"accuracy":1.0,"rng":{"seed":0,"draws":0}}""",
							description = "The answer to the explicit-weights request") }))
	public Object forward(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "the book's network (seed 0)", value = BOOK_NETWORK,
					description = "spiral 100×3 → dense(3) → relu → dense(3) → softmax; loss 1.0986104, accuracy 0.34"),
			@ExampleObject(name = "seed 000 In[16]", value = SEED_000_IN16,
					description = "The notebook's first five rows start [0.33333334, 0.33333334, 0.33333334], [0.33334747, 0.3333181, 0.33333445]"),
			@ExampleObject(name = "seed 000 In[5]", value = SEED_000_IN5,
					description = "Weights [[0.17640524, 0.04001572, 0.0978738], [0.22408931, 0.1867558, -0.09772779]], then X·W and ReLU"),
			@ExampleObject(name = "explicit weights and labels",
					value = EXPLICIT) })) @RequestBody ForwardRequest request) {
		Plan plan = builder.build(request);
		if (plan.dtype() == DType.FLOAT32 && plan.labels() == null && plan.detail() == Detail.NONE
				&& plan.network().streams(plan.floatInputs())) {
			return new StreamedForwardResponse(plan.network(), plan.floatInputs(),
					new ForwardResponse.Rng(plan.seed(), plan.draws()));
		}
		return whole(plan);
	}

	/**
	 * The answer computed in full before it is written; a streamed answer writes the same
	 * JSON.
	 */
	public static ForwardResponse whole(Plan plan) {
		boolean keep = plan.detail() != Detail.NONE;
		List<? extends Batch> outputs = plan.network().forward(plan.inputs(), keep);
		Batch out = outputs.get(outputs.size() - 1);
		Predictions predictions = Predictions.of(out);
		Number loss = null;
		Double accuracy = null;
		if (plan.labels() != null) {
			// not a conditional expression: it would widen the float32 loss to double
			if (out instanceof FloatBatch f) {
				loss = CategoricalCrossEntropy.loss(f.values(), f.rows(), f.cols(), plan.labels());
			}
			else {
				loss = CategoricalCrossEntropy.loss64(((DoubleBatch) out).values(), out.rows(), out.cols(),
						plan.labels(), PlatformLibm.get());
			}
			accuracy = CategoricalCrossEntropy.accuracy(predictions.argmax(), plan.labels());
		}
		List<LayerReport> layers = keep ? reports(plan, outputs) : null;
		return new ForwardResponse(plan.dtype().toString(), out.shape(), out, predictions.argmax(),
				predictions.confidence(), loss, accuracy, layers, new ForwardResponse.Rng(plan.seed(), plan.draws()));
	}

	private static List<LayerReport> reports(Plan plan, List<? extends Batch> outputs) {
		List<Layer> layers = plan.network().layers();
		List<LayerReport> reports = new ArrayList<>(layers.size());
		for (int i = 0; i < layers.size(); i++) {
			Batch layerOutput = plan.detail() == Detail.ALL ? outputs.get(i) : null;
			if (layers.get(i) instanceof DenseLayer dense) {
				reports.add(new LayerReport("dense", dense.inputs(), dense.neurons(), dense.weightBatch(),
						dense.biasBatch(), null, null, null, layerOutput));
			}
			else {
				ActivationLayer a = (ActivationLayer) layers.get(i);
				int[] dead = "relu".equals(a.activation().name()) ? Network.deadNeurons(outputs.get(i)) : null;
				reports.add(new LayerReport("activation", null, null, null, null, a.activation().name(), a.paramMap(),
						dead, layerOutput));
			}
		}
		return reports;
	}

}

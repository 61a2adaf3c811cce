package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.network.NetworkBuilder.Plan;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.Violations;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /network/plot}: the decision regions of a network on 2-D data, as an SVG
 * picture.
 */
@RestController
@Tag(name = "network")
class NetworkPlotController {

	static final String SVG = "image/svg+xml";

	/**
	 * A seeded network with weights large enough for its regions to show (all three
	 * classes win somewhere).
	 */
	static final String SEEDED = """
			{"seed": 0, "spiral": {"samples": 100, "classes": 3},
			 "layers": [{"type": "dense", "neurons": 16, "weightScale": 1}, {"type": "activation", "name": "relu"},
			            {"type": "dense", "neurons": 3, "weightScale": 1}, {"type": "activation", "name": "softmax"}]}""";

	/** Three wedges: each neuron's weights point in a direction 120° from the others'. */
	static final String THREE_SECTORS = """
			{"seed": 0, "spiral": {"samples": 100, "classes": 3},
			 "layers": [{"type": "dense", "neurons": 3, "weights": [[5, -2.5, -2.5], [0, 4.33, -4.33]]},
			            {"type": "activation", "name": "softmax"}]}""";

	private final NetworkBuilder builder;

	private final Limits limits;

	NetworkPlotController(NetworkBuilder builder, Limits limits) {
		this.builder = builder;
		this.limits = limits;
	}

	@PostMapping(path = "/network/plot", consumes = MediaType.APPLICATION_JSON_VALUE, produces = SVG)
	@Operation(operationId = "plotNetwork", summary = "Plot a network's decision regions", description = """
			Takes the same body as `POST /network/forward` and draws what the network does to the plane: the \
			data's range (with a little room, rounded) is cut into `resolution × resolution` cells, every cell \
			centre is run through the network in one batch, and each cell is coloured by the predicted class \
			(argmax), paler where the network is less sure. The data points are drawn on top in their label's \
			colour (black when there are no labels). The title names the layers and, with labels, the accuracy.

			* The data must have 2 columns (x, y): a `spiral`, or `inputs` of width 2.
			* Shading: with outputs in [0, 1] (softmax, sigmoid), confidence `1/k` (k classes) is palest and 1 \
			darkest; other outputs are not probabilities and get one middle shade.
			* `returnLayers` is checked but has no effect here.
			* `resolution` is at most `nnfs.limits.max-plot-resolution` (default 400), and `resolution² ×` the \
			widest layer at most `nnfs.limits.max-layer-output-values`; beyond either the 400 problem names \
			`resolution`. Body mistakes are the same 400s, with the same pointers, as for `/network/forward`.

			**Worked example**: the book's `spiral_data(100, 3)` through `Layer_Dense(2, 3)`, ReLU, \
			`Layer_Dense(3, 3)`, softmax (the seed cells In[15]-In[16]) gives near-uniform probabilities, so its \
			regions are pale; the first example draws 16 hidden neurons with weights of 1 × randn instead.""")
	@ApiResponse(responseCode = "200",
			description = "The picture, an SVG document: `<rect>`s of the regions, one `<circle>` per data point",
			content = @Content(mediaType = SVG, schema = @Schema(type = "string", description = "an SVG document"),
					examples = @ExampleObject(name = "the picture (abbreviated)",
							value = """
									<?xml version="1.0" encoding="UTF-8"?>
									<svg xmlns="http://www.w3.org/2000/svg" width="680" height="600" viewBox="0 0 680 600" role="img" ...>
									<title>Decision regions: dense 16 → relu → dense 3 → softmax …</title>
									...
									</svg>
									""")))
	@ApiResponse(responseCode = "400",
			description = "The body is invalid (`errors` lists each mistake with its pointer), the data is not 2-D, or `resolution` is malformed or over a limit (the `parameter` of its entry)",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<byte[]> plot(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "a seeded network on the spiral", value = SEEDED,
					description = "spiral 100×3 → dense(16, weightScale 1) → relu → dense(3, weightScale 1) → softmax, seed 0"),
			@ExampleObject(name = "the book's network (seed 0)", value = NetworkController.BOOK_NETWORK,
					description = "Weights of 0.01 × randn: every cell is close to 1/3 each, so the regions are pale"),
			@ExampleObject(name = "three sectors, explicit weights", value = THREE_SECTORS,
					description = "Each class wins the 120° wedge its weight vector points into") })) @RequestBody ForwardRequest request,
			@Parameter(description = "cells per side of the grid",
					schema = @Schema(type = "integer", format = "int32", minimum = "2",
							defaultValue = "100")) @RequestParam(name = "resolution",
									required = false) String resolution) {
		int cells = resolution(resolution);
		Plan plan = this.builder.build(request);
		if (plan.inputs().cols() != 2) {
			throw InvalidInputException.at("/inputs",
					"must have 2 columns (x, y) to be drawn on the plane, not " + plan.inputs().cols());
		}
		NetworkPlot.checkGrid(plan, cells, this.limits);
		return ResponseEntity.ok()
			.contentType(new MediaType("image", "svg+xml", StandardCharsets.UTF_8))
			.body(NetworkPlot.chart(plan, cells).toUtf8());
	}

	private int resolution(String raw) {
		int max = this.limits.maxPlotResolution();
		if (raw == null) {
			return Math.min(NetworkPlot.DEFAULT_RESOLUTION, max);
		}
		if (!raw.matches("\\d{1,9}") || Integer.parseInt(raw) < 2) {
			throw InvalidInputException.parameter("resolution",
					"must be an integer from 2 to " + max + ", not '" + Violations.clip(raw) + "'");
		}
		int value = Integer.parseInt(raw);
		if (value > max) {
			throw LimitExceededException.parameter("nnfs.limits.max-plot-resolution", max, "resolution",
					"a resolution of " + value + " is over the limit of " + max + " (nnfs.limits.max-plot-resolution)");
		}
		return value;
	}

}

package dev.nnfs.service.activation;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.problem.Violations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /activations/{name}/plot}: the curve of an activation as an SVG picture. */
@RestController
@Tag(name = "activations")
class ActivationPlotController {

	static final String SVG = "image/svg+xml";

	static final MediaType SVG_UTF8 = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);

	/** The picture depends only on the query, but may be restyled between releases. */
	private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	private final Activations activations;

	private final Limits limits;

	ActivationPlotController(Activations activations, Limits limits) {
		this.activations = activations;
		this.limits = limits;
	}

	@GetMapping(path = "/activations/{name}/plot", produces = SVG)
	@Operation(operationId = "plotActivation", summary = "Plot an activation", description = """
			The curve `y = f(x)` of the activation over `[from, to]`, as an SVG picture with axes, tick labels and \
			the formula in the title. The values are computed by the same float32 kernel as \
			`POST /activations/{name}` at `points` evenly spaced samples (the last one exactly `to`).

			* Element-wise activations are plotted as they are (`sigmoid` passes through (0, 0.5)).
			* Row-wise ones (`softmax`, `log_softmax`) act on a row: the curve is component 0 of the 2-input row \
			`[x, second]`, so `softmax` gives `1 / (1 + e^(second - x))`, the book's two-class softmax.
			* The activation's parameters are query parameters of their own: `?alpha=0.1` for `leaky_relu` \
			and `elu` (ranges as in `GET /activations`).

			The x axis spans exactly `[from, to]` (within ±1000, at least 0.001 wide); the y axis is the \
			smallest round range holding the values. `points` is at most `nnfs.limits.max-plot-resolution` \
			(default 400). A malformed, repeated or unknown query parameter is a 400 naming it; an unknown \
			activation is the same 404 as for `POST /activations/{name}`.

			**Worked example** (seed 001, the sigmoid and ReLU cells): `GET /activations/sigmoid/plot?from=-5&to=5`, \
			`GET /activations/relu/plot?from=-2&to=2`.""",
			parameters = {
					@Parameter(name = "from", in = ParameterIn.QUERY, description = "left end of the x range",
							schema = @Schema(type = "number", defaultValue = "-5", minimum = "-1000",
									maximum = "1000")),
					@Parameter(
							name = "to", in = ParameterIn.QUERY,
							description = "right end of the x range (more than from)", schema = @Schema(type = "number",
									defaultValue = "5", minimum = "-1000", maximum = "1000")),
					@Parameter(name = "points", in = ParameterIn.QUERY,
							description = "number of samples, at most nnfs.limits.max-plot-resolution (default 400)",
							schema = @Schema(type = "integer", format = "int32", minimum = "2", defaultValue = "201")),
					@Parameter(name = "second", in = ParameterIn.QUERY,
							description = "softmax and log_softmax only: the fixed second input of the row [x, second]; 0 when absent",
							schema = @Schema(type = "number")),
					@Parameter(name = "alpha", in = ParameterIn.QUERY,
							description = "leaky_relu (default 0.01, 0 to 1) and elu (default 1, 0 to 1000) only: the slope or saturation for x <= 0",
							schema = @Schema(type = "number")) })
	@ApiResponse(responseCode = "200", description = "The curve, an SVG document: one `<path class=\"curve\">`",
			content = @Content(mediaType = SVG, schema = @Schema(type = "string", description = "an SVG document"),
					examples = @ExampleObject(name = "the picture (abbreviated)",
							value = """
									<?xml version="1.0" encoding="UTF-8"?>
									<svg xmlns="http://www.w3.org/2000/svg" width="680" height="480" viewBox="0 0 680 480" role="img" ...>
									<title>sigmoid</title>
									...
									</svg>
									""")))
	@ApiResponse(responseCode = "400",
			description = "A query parameter is malformed, repeated, unknown or out of range; `errors` names each one",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No activation of that name; `detail` lists the known names",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<byte[]> plot(
			@Parameter(description = "activation name", schema = @Schema(ref = "#/components/schemas/ActivationName"),
					example = "sigmoid") @PathVariable String name,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		Activation activation = this.activations.get(name);
		ActivationPlotQuery q = ActivationPlotQuery.parse(query, activation, this.limits);
		Violations mistakes = new Violations();
		double[] params = activation.resolve(q.params(), mistakes::parameter);
		mistakes.throwIfAny();
		return ResponseEntity.ok()
			.contentType(SVG_UTF8)
			.cacheControl(CACHING)
			.body(ActivationPlot.chart(activation, params, q).toUtf8());
	}

}

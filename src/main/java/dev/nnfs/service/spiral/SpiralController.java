package dev.nnfs.service.spiral;

import dev.nnfs.service.numpy.NumpyRandom;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.libm.PlatformLibm;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.FloatBatch;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /spiral}: nnfs's {@code spiral_data} from a numpy stream, as JSON, CSV or an
 * SVG scatter plot. Each request seeds its own {@link NumpyRandom}; nothing is shared
 * between requests, so the same query gives the same bytes on every replica. That is what
 * makes the strong ETag and the long caching honest.
 */
@RestController
@Tag(name = "datasets", description = "The nnfs spiral data set, bit-compatible with numpy")
class SpiralController {

	/**
	 * Part of every ETag. Raise it whenever the bytes of any format change for the same
	 * query (a new JSON field, another number format, a restyled plot), so caches do not
	 * keep the old ones.
	 */
	static final int REPRESENTATION_VERSION = 2;

	/**
	 * JSON and CSV are frozen by numpy compatibility: the same query means the same data
	 * forever.
	 */
	private static final CacheControl DATA_CACHING = CacheControl.maxAge(Duration.ofDays(365))
		.cachePublic()
		.immutable();

	/**
	 * The picture may be restyled between releases, so caches revalidate it (by ETag)
	 * daily.
	 */
	private static final CacheControl PLOT_CACHING = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	private static final int WRITE_BUFFER = 64 * 1024;

	/** Spirals of at most this many points are answered whole ({@link #whole}). */
	private static final int WHOLE_ROWS = 20_000;

	private final Limits limits;

	private final ObjectWriter json;

	SpiralController(Limits limits, JsonMapper jsonMapper) {
		this.limits = limits;
		// the service's mapper: FloatBatch serialiser and shortest float32 forms; the
		// servlet
		// stream stays open for the container to finish the response
		this.json = jsonMapper.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET);
	}

	@GetMapping("/spiral")
	@Operation(operationId = "getSpiral", summary = "The nnfs spiral data set", description = """
			`spiral_data(samples, classes)` exactly as nnfs computes it after `nnfs.init()`, from the \
			numpy stream `np.random.seed(seed)` followed by `skip` standard-normal draws thrown away. \
			Every coordinate is the same float32 numpy gives; numbers are written in their shortest \
			round-trip form, signed zeros included.

			Rows are ordered by class: rows `samples*c` to `samples*(c+1)-1` have label `c`. \
			`rng.draws` is the stream position afterwards (`skip + samples*classes`): pass it as \
			`skip` to continue the same stream, as a notebook's next `randn` call would.

			**Formats**, chosen by `format` or else by `Accept` (`*/*` or no header gives JSON):
			* `application/json` (`format=json`): the object below.
			* `text/csv` (`format=csv`): header `x,y,label`, one line per point, `\\n` line ends.
			* `image/svg+xml` (`format=svg`): a scatter plot, axes from -1 to 1, one colour per class \
			(colour-blind-safe Okabe–Ito palette), with a legend. One circle per point.

			An `Accept` that allows none of them is a 406; `format` overrides `Accept`.

			**Caching**: every answer has a strong `ETag` and is cacheable (JSON and CSV for a year, \
			`immutable`; SVG for a day); `If-None-Match` with a matching tag gives 304 without recomputing. \
			Responses carry `Vary: Accept`.

			**Limits**: `samples * classes` at most `nnfs.limits.max-spiral-points` (default 1,000,000), \
			`skip` at most `nnfs.limits.max-skip` (default 100,000,000); beyond them a 400 problem names \
			the limit and its value.

			**Worked example** (seed notebook 000, In[4]): `nnfs.init(); spiral_data(samples=2, classes=3)` \
			prints `[[0. 0.] [-0.69993085 -0.7142106] [-0. -0.] [0.7647814 -0.6442898] [0. -0.] \
			[-0.94481426 -0.3276065]]` and `[0 0 1 1 2 2]`, which is `GET /spiral?samples=2&classes=3`. \
			The notebook's next call (In[5]) is `skip=6`.""")
	@ApiResponse(responseCode = "200", description = "The data set in the chosen format", headers = {
			@Header(name = "ETag", description = "strong entity tag of this representation",
					schema = @Schema(type = "string")),
			@Header(name = "Cache-Control", description = "public, long-lived", schema = @Schema(type = "string")) },
			content = {
					@Content(mediaType = "application/json", schema = @Schema(implementation = SpiralResponse.class),
							examples = @ExampleObject(name = "seed 000 In[4]: samples=2, classes=3",
									value = """
											{"samples":2,"classes":3,"seed":0,"skip":0,"dtype":"float32",\
											"inputs":[[0.0,0.0],[-0.69993085,-0.7142106],[-0.0,-0.0],[0.7647814,-0.6442898],[0.0,-0.0],[-0.94481426,-0.3276065]],\
											"labels":[0,0,1,1,2,2],"rng":{"seed":0,"draws":6}}""")),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "seed 000 In[4] as CSV", value = """
									x,y,label
									0.0,0.0,0
									-0.69993085,-0.7142106,0
									-0.0,-0.0,1
									0.7647814,-0.6442898,1
									0.0,-0.0,2
									-0.94481426,-0.3276065,2
									""")),
					@Content(mediaType = "image/svg+xml", schema = @Schema(type = "string",
							description = "an SVG document: scatter plot on [-1, 1] × [-1, 1], one circle per point")) })
	@ApiResponse(responseCode = "304", description = "`If-None-Match` matched the current ETag", content = @Content)
	@ApiResponse(responseCode = "400",
			description = "A parameter is not an integer, out of range or over a limit, or `format` is unknown; `errors` names each one",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "406", description = "`Accept` allows none of JSON, CSV and SVG",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<StreamingResponseBody> spiral(
			@Parameter(description = "points per class",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", defaultValue = "100"),
					example = "2") @RequestParam(name = "samples", required = false) String samples,
			@Parameter(description = "number of classes",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", defaultValue = "3"),
					example = "3") @RequestParam(name = "classes", required = false) String classes,
			@Parameter(description = "np.random.seed argument",
					schema = @Schema(type = "integer", format = "int64", minimum = "0", maximum = "4294967295",
							defaultValue = "0")) @RequestParam(name = "seed", required = false) String seed,
			@Parameter(description = "standard normals drawn and thrown away after seeding (the stream position)",
					schema = @Schema(type = "integer", format = "int64", minimum = "0",
							defaultValue = "0")) @RequestParam(name = "skip", required = false) String skip,
			@Parameter(
					description = "float32 (numpy under nnfs.init(), the default) or float64 (plain numpy: float64 draws, float64 X)",
					schema = @Schema(type = "string", allowableValues = { "float32", "float64" },
							defaultValue = "float32")) @RequestParam(name = "dtype", required = false) String dtype,
			@Parameter(description = "json, csv or svg; overrides Accept",
					schema = @Schema(type = "string", allowableValues = { "json", "csv", "svg" })) @RequestParam(
							name = "format", required = false) String format,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_NONE_MATCH,
					required = false) String ifNoneMatch)
			throws HttpMediaTypeNotAcceptableException {
		SpiralQuery query = SpiralQuery.parse(samples, classes, seed, skip, format, dtype, this.limits);
		SpiralFormat chosen = (query.format() != null) ? query.format() : SpiralFormat.negotiate(accept);

		String etag = query.etag(chosen);
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(etag);
		headers.setCacheControl(chosen == SpiralFormat.SVG ? PLOT_CACHING : DATA_CACHING);
		headers.setVary(java.util.List.of(HttpHeaders.ACCEPT));
		if (matches(ifNoneMatch, etag)) {
			return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
		}

		NumpyRandom rng = new NumpyRandom(query.seed());
		rng.skip(query.skip());
		Spiral spiral = query.dtype() == DType.FLOAT64
				? SpiralData.spiralData64(query.samples(), query.classes(), rng, PlatformLibm.get())
				: SpiralData.spiralData(query.samples(), query.classes(), rng);

		headers.setContentType(chosen.mediaType());
		ResponseEntity<StreamingResponseBody> answer = switch (chosen) {
			case JSON -> {
				SpiralResponse body = SpiralResponse.of(spiral, query, rng.draws());
				yield new ResponseEntity<>((out) -> this.json.writeValue(out, body), headers, HttpStatus.OK);
			}
			case CSV -> {
				headers.setContentDisposition(ContentDisposition.inline().filename(fileName(query, "csv")).build());
				yield new ResponseEntity<>(stream((out) -> SpiralCsv.write(spiral, out)), headers, HttpStatus.OK);
			}
			case SVG -> {
				headers.setContentDisposition(ContentDisposition.inline().filename(fileName(query, "svg")).build());
				yield new ResponseEntity<>(
						stream((out) -> SpiralPlot.chart(spiral, query.seed(), query.skip()).writeTo(out)), headers,
						HttpStatus.OK);
			}
		};
		return (spiral.rows() <= WHOLE_ROWS) ? whole(answer) : answer;
	}

	/**
	 * A small answer, written in full before it is sent, with its {@code Content-Length}:
	 * a streamed answer goes out chunked and is complete only with its last chunk, which
	 * the container writes after the body, so a replica stopped in between leaves a load
	 * balancer with an answer it can neither finish nor retry (seen as a cut-off
	 * {@code GET /spiral} when a replica was killed under load). Large spirals are still
	 * streamed, their memory bounded by the write buffer.
	 */
	private static ResponseEntity<StreamingResponseBody> whole(ResponseEntity<StreamingResponseBody> answer) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try {
			answer.getBody().writeTo(bytes);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex); // not from memory
		}
		byte[] body = bytes.toByteArray();
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(answer.getHeaders());
		headers.setContentLength(body.length);
		return new ResponseEntity<>((out) -> out.write(body), headers, answer.getStatusCode());
	}

	/**
	 * {@code If-None-Match} uses the weak comparison (RFC 9110 section 13.1.2); {@code *}
	 * matches any.
	 */
	private static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		ETag current = ETag.create(etag);
		return ETag.parse(ifNoneMatch).stream().anyMatch((tag) -> tag.isWildcard() || tag.compare(current, false));
	}

	private static String fileName(SpiralQuery q, String extension) {
		return "spiral_" + q.samples() + "x" + q.classes() + "_seed" + q.seed() + "_skip" + q.skip() + "." + extension;
	}

	/** Text written straight to the response, UTF-8, through one buffer. */
	private static StreamingResponseBody stream(TextBody body) {
		return (outputStream) -> {
			Writer out = new BufferedWriter(new OutputStreamWriter(outputStream, StandardCharsets.UTF_8), WRITE_BUFFER);
			body.writeTo(out);
			out.flush();
		};
	}

	@FunctionalInterface
	private interface TextBody {

		void writeTo(Writer out) throws java.io.IOException;

	}

	/**
	 * The JSON answer. {@code inputs} is a {@link FloatBatch} (float32) or a
	 * {@link dev.nnfs.service.tensor.DoubleBatch} (float64), which the service's mapper
	 * writes straight from the array onto the response stream.
	 */
	record SpiralResponse(@Schema(description = "points per class", example = "2") int samples,
			@Schema(description = "number of classes", example = "3") int classes,
			@Schema(description = "the seed used", example = "0") long seed,
			@Schema(description = "normals thrown away after seeding", example = "0") long skip,
			@Schema(description = "the dtype of inputs: float32 (nnfs.init()) or float64 (plain numpy)",
					example = "float32", allowableValues = {
							"float32", "float64" }) String dtype,
			@Schema(description = "the points, [samples*classes, 2], in the dtype (nnfs's X)",
					example = "[[0.0, 0.0], [-0.69993085, -0.7142106]]",
					ref = "#/components/schemas/Matrix") Batch inputs,
			@Schema(description = "the class of each point (nnfs's y)", example = "[0, 0, 1, 1, 2, 2]") int[] labels,
			@Schema(description = "the stream after this call") Rng rng){

		static SpiralResponse of(Spiral spiral, SpiralQuery query, long draws) {
			return new SpiralResponse(spiral.samples(), spiral.classes(), query.seed(), query.skip(),
					spiral.dtype().toString(), spiral.batch(), spiral.labels(), new Rng(query.seed(), draws));
		}

	}

	/**
	 * Where the numpy stream stands after the call.
	 *
	 * @param seed the seed the stream started from
	 * @param draws standard normals consumed since seeding, skipped ones included
	 */
	record Rng(@Schema(example = "0") long seed,
			@Schema(description = "skip + samples * classes", example = "6") long draws) {
	}

}

package dev.nnfs.service.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Resource limits, one per thing a client controls the size of. Every limit is enforced
 * before the work it bounds is done; going over one is a 413 (body) or 400 problem naming
 * the property and its value.
 *
 * @param maxBodySize bytes of request body; a declared Content-Length over it is refused
 * before reading, a chunked body is cut off at it
 * @param maxValues numbers in all the arrays of one request together
 * @param maxRows rows of one batch (inputs, or points of a generated spiral)
 * @param maxLayers layers of one network
 * @param maxNeurons neurons of one dense layer
 * @param maxWeights weights of all dense layers of one network together
 * @param maxLayerOutputValues rows × width of any one layer's output: the memory a
 * forward pass holds at once
 * @param maxSpiralPoints {@code samples × classes} of one spiral
 * @param maxSkip normals thrown away after seeding ({@code skip}), and so the stream
 * position
 * @param maxPlotResolution samples of an activation plot, cells per side of a
 * decision-region plot
 * @param maxJsonNestingDepth arrays and objects nested in one body (the JSON reader's
 * limit; the API needs 5)
 * @param maxJsonNumberLength characters of one number literal (float32 needs at most 9
 * significant digits)
 * @param maxJsonStringLength characters of one string or field name
 * @param maxInflightBodySize request body bytes being received and handled at once, all
 * requests together (a body without a length counts as {@code maxBodySize}); a request
 * whose body does not fit is refused with 503 and {@code Retry-After} before it is read
 */
@Validated
@ConfigurationProperties("nnfs.limits")
public record Limits(@NotNull @DefaultValue("16MB") DataSize maxBodySize,
		@Min(1) @DefaultValue("4000000") int maxValues, @Min(1) @DefaultValue("1000000") int maxRows,
		@Min(1) @Max(1000) @DefaultValue("32") int maxLayers, @Min(1) @DefaultValue("4096") int maxNeurons,
		@Min(1) @DefaultValue("4000000") int maxWeights, @Min(1) @DefaultValue("8000000") long maxLayerOutputValues,
		@Min(1) @DefaultValue("1000000") int maxSpiralPoints, @Min(0) @DefaultValue("100000000") long maxSkip,
		@Min(2) @Max(2000) @DefaultValue("400") int maxPlotResolution,
		@Min(8) @Max(1000) @DefaultValue("16") int maxJsonNestingDepth,
		@Min(16) @Max(100000) @DefaultValue("64") int maxJsonNumberLength,
		@Min(64) @Max(10000000) @DefaultValue("1000") int maxJsonStringLength,
		@NotNull @DefaultValue("32MB") DataSize maxInflightBodySize) {

	/** The defaults, for code and tests that run without Spring. */
	public static Limits defaults() {
		return new Limits(DataSize.ofMegabytes(16), 4_000_000, 1_000_000, 32, 4096, 4_000_000, 8_000_000L, 1_000_000,
				100_000_000L, 400, 16, 64, 1000, DataSize.ofMegabytes(32));
	}

}

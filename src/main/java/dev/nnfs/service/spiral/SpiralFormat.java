package dev.nnfs.service.spiral;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * The representations of {@code GET /spiral}, chosen by the {@code format} query
 * parameter or, without it, by the {@code Accept} header.
 */
enum SpiralFormat {

	JSON("json", MediaType.APPLICATION_JSON),
	CSV("csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)),
	SVG("svg", new MediaType("image", "svg+xml", java.nio.charset.StandardCharsets.UTF_8));

	private final String parameterValue;

	private final MediaType mediaType;

	SpiralFormat(String parameterValue, MediaType mediaType) {
		this.parameterValue = parameterValue;
		this.mediaType = mediaType;
	}

	/** The value of {@code format=} that selects this representation. */
	String parameterValue() {
		return this.parameterValue;
	}

	/** The {@code Content-Type} of this representation. */
	MediaType mediaType() {
		return this.mediaType;
	}

	/** The {@code format=} values, for messages: {@code json, csv, svg}. */
	static String parameterValues() {
		return String.join(", ", Arrays.stream(values()).map(SpiralFormat::parameterValue).toList());
	}

	/**
	 * The format a {@code format=} value names (case-insensitive), or null for an unknown
	 * value.
	 */
	static SpiralFormat fromParameter(String value) {
		for (SpiralFormat f : values()) {
			if (f.parameterValue.equals(value.toLowerCase(Locale.ROOT))) {
				return f;
			}
		}
		return null;
	}

	/**
	 * Content negotiation as RFC 9110 section 12.5.1 describes it: each representation
	 * gets the quality of the most specific media range of {@code Accept} that matches
	 * it; the highest quality wins, and ties go to JSON, then CSV, then SVG. No
	 * {@code Accept} header is {@code *}{@code /*}.
	 * @throws HttpMediaTypeNotAcceptableException if no representation has a quality
	 * above 0, or the header does not parse
	 */
	static SpiralFormat negotiate(String accept) throws HttpMediaTypeNotAcceptableException {
		if (accept == null || accept.isBlank()) {
			return JSON;
		}
		List<MediaType> ranges;
		try {
			ranges = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			throw new HttpMediaTypeNotAcceptableException("Could not parse 'Accept' header: " + ex.getMessage());
		}
		SpiralFormat best = null;
		double bestQuality = 0;
		for (SpiralFormat f : values()) {
			double q = quality(f.mediaType, ranges);
			if (q > bestQuality) {
				best = f;
				bestQuality = q;
			}
		}
		if (best == null) {
			throw new HttpMediaTypeNotAcceptableException(
					Arrays.stream(values()).map((f) -> f.mediaType.removeQualityValue()).toList());
		}
		return best;
	}

	private static double quality(MediaType type, List<MediaType> ranges) {
		MediaType match = null;
		for (MediaType range : ranges) {
			if (range.includes(type) && (match == null || specificity(range) > specificity(match))) {
				match = range;
			}
		}
		return (match == null) ? 0 : match.getQualityValue();
	}

	private static int specificity(MediaType range) {
		if (range.isWildcardType()) {
			return 0;
		}
		return range.isWildcardSubtype() ? 1 : 2;
	}

}

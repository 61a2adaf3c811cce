package dev.nnfs.service.oip;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The health answers: {@code GET /v2/health/live} → {@code {"live": true}},
 * {@code GET /v2/health/ready} → {@code {"ready": true}} (the protocol document shows
 * {@code "live"} for both, a slip; KServe's server answers {@code "ready"}), and
 * {@code GET /v2/models/{m}/ready} → {@code {"name": m, "ready": true}}
 * ({@code $ready_model_response}). A server or model that is not ready answers 503.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Health(String name, Boolean live, Boolean ready) {

	public static Health serverLive() {
		return new Health(null, true, null);
	}

	public static Health serverReady() {
		return new Health(null, null, true);
	}

	public static Health modelReady(String model, boolean ready) {
		return new Health(model, null, ready);
	}

}

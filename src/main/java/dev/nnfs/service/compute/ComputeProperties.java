package dev.nnfs.service.compute;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Load shedding for the compute endpoints ({@code POST /activations/{name}},
 * {@code POST /network/**}, {@code GET /spiral}). At most {@code maxConcurrent} requests
 * compute at once; up to {@code maxQueued} more wait at most {@code queueTimeout} for a
 * slot; any other request is answered at once with 503 and {@code Retry-After}. A request
 * whose computation runs past {@code deadline} is stopped between layers and answered
 * with 503.
 *
 * @param maxConcurrent requests computing at once; 0 means one per available processor
 * @param maxQueued requests waiting for a slot; beyond them a request is refused without
 * waiting
 * @param queueTimeout how long a queued request waits for a slot before it is refused
 * @param deadline how long one request may compute, counted from when it gets its slot
 * @param retryAfter the {@code Retry-After} a refused client is given
 * @param paths path prefixes of the gated endpoints
 */
@Validated
@ConfigurationProperties("nnfs.compute")
public record ComputeProperties(@Min(0) @Max(4096) @DefaultValue("0") int maxConcurrent,
		@Min(0) @Max(100000) @DefaultValue("64") int maxQueued, @NotNull @DefaultValue("100ms") Duration queueTimeout,
		@NotNull @DefaultValue("10s") Duration deadline, @NotNull @DefaultValue("1s") Duration retryAfter,
		@NotNull @DefaultValue( {
				"/activations/", "/network/", "/spiral", "/models/", "/v2/models/" }) List<String> paths){

	/** {@link #maxConcurrent()} with 0 resolved to the number of available processors. */
	public int concurrency() {
		return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * The {@code Retry-After} header's value: {@link #retryAfter()} in whole seconds,
	 * rounded up, at least 1.
	 */
	public String retryAfterHeader() {
		return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
	}

}

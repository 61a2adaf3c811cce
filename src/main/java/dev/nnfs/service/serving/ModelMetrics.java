package dev.nnfs.service.serving;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Requests to saved models, per model, version, protocol and outcome:
 * {@code nnfs_model_requests_seconds{model, version, protocol, outcome}} at
 * {@code /actuator/prometheus} (a count, a sum and a maximum of the latency). Only
 * validated model names become tags, so their number is bounded by the repository.
 */
public final class ModelMetrics {

	/** The protocols a model is called through. */
	public enum Protocol {

		REST, OIP;

		String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private final MeterRegistry registry;

	public ModelMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records one request: {@code outcome} is {@code success}, {@code client_error} or
	 * {@code server_error}.
	 */
	public void record(String model, int version, Protocol protocol, String outcome, long nanos) {
		Timer.builder("nnfs.model.requests")
			.description("Requests to saved and built-in models")
			.tag("model", model)
			.tag("version", Integer.toString(version))
			.tag("protocol", protocol.tag())
			.tag("outcome", outcome)
			.register(registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}

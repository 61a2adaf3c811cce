package dev.nnfs.service.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-origin access for browsers. Off unless origins are listed: with the default
 * (none), no CORS headers are sent and browsers keep other sites' pages from calling the
 * service.
 *
 * @param allowedOrigins origins allowed to call the API, e.g.
 * {@code https://notebook.example.org}; patterns such as {@code https://*.example.org}
 * are allowed
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("nnfs.cors")
public record CorsProperties(@NotNull @DefaultValue("") List<String> allowedOrigins,
		@NotNull @DefaultValue("30m") Duration maxAge) {

	public boolean enabled() {
		return allowedOrigins.stream().anyMatch((origin) -> !origin.isBlank());
	}

}

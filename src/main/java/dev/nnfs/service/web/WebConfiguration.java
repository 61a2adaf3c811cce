package dev.nnfs.service.web;

import dev.nnfs.service.compute.ComputeSlotAdvice;
import dev.nnfs.service.config.CorsProperties;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The strict-query and compute-slot interceptors, and CORS ({@link CorsProperties}, off
 * by default).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ComputeSlotAdvice computeSlots;

	private final CorsProperties cors;

	WebConfiguration(ComputeSlotAdvice computeSlots, CorsProperties cors) {
		this.computeSlots = computeSlots;
		this.cors = cors;
	}

	/** The warm-up's requests ({@link WarmUp}) are left out of the HTTP metrics. */
	@Bean
	ObservationPredicate warmUpIsNotObserved(WarmUp warmUp) {
		return (name, context) -> !(context instanceof ServerRequestObservationContext server
				&& warmUp.isWarmUp(server.getCarrier()));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new StrictQueryInterceptor());
		registry.addInterceptor(computeSlots);
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		if (cors.enabled()) {
			registry.addMapping("/**")
				.allowedOriginPatterns(
						cors.allowedOrigins().stream().filter((o) -> !o.isBlank()).toArray(String[]::new))
				.allowedMethods("GET", "POST", "HEAD", "OPTIONS")
				.allowedHeaders("Content-Type", "Accept", "If-None-Match")
				.exposedHeaders("ETag", "Retry-After")
				.maxAge(cors.maxAge().toSeconds());
		}
	}

}

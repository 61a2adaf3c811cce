package dev.nnfs.service.serving;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.network.NetworkBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model repository's loader and the metrics of model requests. */
@Configuration(proxyBeanMethods = false)
class ServingConfiguration {

	@Bean
	ModelService modelService(NetworkBuilder builder, Limits limits, JsonMapper jsonMapper) {
		return new ModelService(builder, limits, jsonMapper);
	}

	@Bean
	ModelMetrics modelMetrics(MeterRegistry registry) {
		return new ModelMetrics(registry);
	}

}

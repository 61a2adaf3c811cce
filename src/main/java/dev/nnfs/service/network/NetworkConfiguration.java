package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.config.Limits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

	@Bean
	NetworkBuilder networkBuilder(Activations activations, Limits limits) {
		return new NetworkBuilder(activations, limits);
	}

}

package dev.nnfs.service.activation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ActivationConfiguration {

	@Bean
	Activations activations() {
		return Activations.standard();
	}

}

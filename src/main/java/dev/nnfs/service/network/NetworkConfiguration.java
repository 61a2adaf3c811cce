package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.config.EngineProperties;
import dev.nnfs.service.config.Limits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

	@Bean
	ForwardEngine forwardEngine(EngineProperties engine) {
		long gemmCallMacs = engine.gemmCallMacs() > 0 ? engine.gemmCallMacs()
				: EngineSettings.gemmCallMacsFor(System.getenv("OPENBLAS_CORETYPE"));
		return new ForwardEngine(
				new EngineSettings(engine.nativeMinMacs(), engine.blockDoubles(), engine.parallel(), gemmCallMacs));
	}

	@Bean
	NetworkBuilder networkBuilder(Activations activations, Limits limits, ForwardEngine engine) {
		return new NetworkBuilder(activations, limits, engine);
	}

}

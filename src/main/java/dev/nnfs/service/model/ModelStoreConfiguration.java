package dev.nnfs.service.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The model repository's beans.
 * <p>
 * The store is made from the application's {@link ModelLoader} bean and is lazy: it
 * exists once something (the model controllers) asks for it, so the service starts
 * without a loader. When it is made, during start-up, it reads the whole repository
 * before it is handed out ({@link ModelStore#start()}); Spring Boot reports readiness
 * only after every singleton is made, so readiness waits for the first read as long as
 * the store is injected into a singleton (a controller) rather than looked up on first
 * use through an {@code ObjectProvider}. Polling then runs on one daemon thread and stops
 * when the context closes.
 */
@Configuration(proxyBeanMethods = false)
class ModelStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ModelStoreConfiguration.class);

	@Bean(initMethod = "start", destroyMethod = "close")
	@Lazy
	<T> ModelStore<T> modelStore(ModelProperties properties, ModelLoader<T> loader) {
		return new ModelStore<>(properties, loader);
	}

	@Bean
	ModelWriteGuard modelWriteGuard(ModelProperties properties) {
		if (!properties.writable()) {
			log.info("Model repository is read-only (nnfs.models.writable=false)");
		}
		else if (!properties.tokenRequired()) {
			log.info("Model writes need no token (nnfs.models.admin-token is empty)");
		}
		return new ModelWriteGuard(properties);
	}

}

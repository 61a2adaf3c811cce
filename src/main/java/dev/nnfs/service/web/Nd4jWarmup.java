package dev.nnfs.service.web;

import dev.nnfs.service.activation.Activation;
import dev.nnfs.service.activation.Activations;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Loads ND4J's native backend and runs every activation once while the context starts, so the
 * application only reports ready (and the first request only arrives) once the natives are
 * loaded and the kernels have been exercised.
 */
@Component
class Nd4jWarmup implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(Nd4jWarmup.class);

	private final Activations activations;

	Nd4jWarmup(Activations activations) {
		this.activations = activations;
	}

	@Override
	public void afterPropertiesSet() {
		long start = System.nanoTime();
		for (Activation activation : activations.all()) {
			try (INDArray x = Nd4j.create(new float[] { -1f, 0f, 2f, 3f }, new long[] { 2, 2 }, 'c')) {
				activation.applyInPlace(x, activation.resolve(null));
			}
		}
		log.info("ND4J backend {} ready in {} ms", Nd4j.getBackend().getClass().getSimpleName(),
				(System.nanoTime() - start) / 1_000_000);
	}

}

package dev.nnfs.service.nd4j;

import dev.nnfs.service.activation.Activation;
import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.network.BlasSummationOrder;
import dev.nnfs.service.network.ForwardRequest;
import dev.nnfs.service.network.ForwardRequest.ActivationSpec;
import dev.nnfs.service.network.ForwardRequest.DenseSpec;
import dev.nnfs.service.network.ForwardRequest.LayerSpec;
import dev.nnfs.service.network.ForwardRequest.SpiralSpec;
import dev.nnfs.service.network.NetworkBuilder;
import dev.nnfs.service.network.NetworkBuilder.Plan;
import dev.nnfs.service.libm.PlatformLibm;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Loads ND4J's native backend, runs every activation once, one forward pass of the book's
 * network (spiral 100×3 → dense(3) → relu → dense(3) → softmax, the plain-Java path) and
 * one batch big enough for the BLAS path while the context starts, and checks that the
 * BLAS sums dot products in input order ({@link BlasSummationOrder}; the verdict is
 * logged and reported by {@link BlasInfoContributor}). Spring Boot opens the port only
 * after every singleton is initialised and reports readiness ({@code ACCEPTING_TRAFFIC})
 * after that, so neither happens before the natives are loaded and the whole request path
 * has run once.
 */
@Component
class Nd4jWarmup implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(Nd4jWarmup.class);

	private final Activations activations;

	private final Limits limits;

	private volatile int blasMismatches = -1;

	Nd4jWarmup(Activations activations, Limits limits) {
		this.activations = activations;
		this.limits = limits;
	}

	/**
	 * Of the warm-up's check dgemm ({@link BlasSummationOrder}), how many results differ
	 * from the in-order float64 sum: 0 when the BLAS sums as the Java path does; -1
	 * before the warm-up.
	 */
	int blasMismatches() {
		return blasMismatches;
	}

	/**
	 * The OpenBLAS kernels the process was started with: {@code OPENBLAS_CORETYPE}, or
	 * {@code auto}.
	 */
	static String blasCoretype() {
		String coretype = System.getenv("OPENBLAS_CORETYPE");
		return coretype == null || coretype.isEmpty() ? "auto" : coretype;
	}

	@Override
	public void afterPropertiesSet() {
		long start = System.nanoTime();
		Nd4jBackendLoader.await();
		for (Activation activation : activations.all()) {
			try (INDArray x = Nd4j.create(new float[] { -1f, 0f, 2f, 3f }, new long[] { 2, 2 }, 'c')) {
				activation.applyInPlace(x, activation.defaults());
			}
		}
		LayerSpec relu = ActivationSpec.of("relu");
		LayerSpec softmax = ActivationSpec.of("softmax");
		LayerSpec dense = DenseSpec.drawn(3);
		Plan plan = new NetworkBuilder(activations, limits).build(new ForwardRequest(0L, 0L, null,
				new SpiralSpec(100L, 3L), List.of(dense, relu, dense, softmax), null, null));
		List<FloatBatch> out = plan.network().forward(plan.floatInputs(), false);
		if (out.get(0).rows() != 300) {
			throw new IllegalStateException("warm-up forward pass gave " + out.get(0).rows() + " rows, not 300");
		}
		// A batch large enough for the native (BLAS) path, in several blocks so that the
		// reordered one runs too: 4,096 rows through 2 → 64 → 64 → 3.
		LayerSpec dense64 = DenseSpec.drawn(64);
		Plan big = new NetworkBuilder(activations, limits).build(new ForwardRequest(0L, 0L, null,
				new SpiralSpec(2048L, 2L), List.of(dense64, relu, dense64, relu, dense, softmax), null, null));
		big.network().forward(big.floatInputs(), false);
		// The float64 mode's C-library functions, loaded now rather than on a first
		// request.
		PlatformLibm.get().exp(new double[] { 1.0 }, 1);
		blasMismatches = BlasSummationOrder.mismatches();
		if (blasMismatches == 0) {
			log.info(
					"BLAS dgemm sums in input order (OPENBLAS_CORETYPE={}): large and small batches give the same bits",
					blasCoretype());
		}
		else {
			log.warn("BLAS dgemm does not sum in input order ({} of 16384 check results differ; OPENBLAS_CORETYPE={}): "
					+ "a large batch's float32 results may differ in the last bit from the same rows sent as a small batch. "
					+ "Start the service through with-blas-kernels, or set OPENBLAS_CORETYPE to SkylakeX (AVX-512) or Haswell (AVX2).",
					blasMismatches, blasCoretype());
		}
		log.info("ND4J backend {} ready in {} ms (activations and one forward pass)",
				Nd4j.getBackend().getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
	}

}

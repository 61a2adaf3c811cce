package dev.nnfs.service.nd4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Reports which OpenBLAS kernels were asked for ({@code OPENBLAS_CORETYPE}, or
 * {@code auto}) and whether the BLAS in use sums dot products in input order, so that
 * large batches give the same bits as small ones: under {@code blas} in
 * {@code /actuator/info}, and as the gauge {@code nnfs_blas_sums_in_input_order} (1 or
 * 0).
 */
@Component
class BlasInfoContributor implements InfoContributor {

	private final IntSupplier mismatches;

	private final String coretype;

	@Autowired
	BlasInfoContributor(Nd4jWarmup warmup, MeterRegistry registry) {
		this(warmup::blasMismatches, Nd4jWarmup.blasCoretype(), registry);
	}

	/**
	 * @param mismatches the warm-up's count of dgemm results that differ from in-order
	 * sums (-1 before it ran)
	 */
	BlasInfoContributor(IntSupplier mismatches, String coretype, MeterRegistry registry) {
		this.mismatches = mismatches;
		this.coretype = coretype;
		Gauge.builder("nnfs.blas.sums.in.input.order", () -> mismatches.getAsInt() == 0 ? 1 : 0)
			.description("1 when BLAS dgemm sums each dot product in input order, as the Java path does")
			.register(registry);
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> blas = new LinkedHashMap<>();
		blas.put("coretype", coretype);
		blas.put("sumsInInputOrder", mismatches.getAsInt() == 0);
		builder.withDetail("blas", blas);
	}

}

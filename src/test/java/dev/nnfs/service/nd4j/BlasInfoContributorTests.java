package dev.nnfs.service.nd4j;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.actuate.info.Info;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up's BLAS verdict as /actuator/info and the gauge report it. */
class BlasInfoContributorTests {

	@ParameterizedTest(name = "{0} mismatches")
	@CsvSource({ "0, true, 1", "3, false, 0", "-1, false, 0" })
	void infoAndGaugeReportTheVerdict(int mismatches, boolean inOrder, double gauge) {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		BlasInfoContributor contributor = new BlasInfoContributor(() -> mismatches, "Haswell", registry);
		Info.Builder info = new Info.Builder();
		contributor.contribute(info);
		assertThat(info.build().getDetails().get("blas"))
			.isEqualTo(Map.of("coretype", "Haswell", "sumsInInputOrder", inOrder));
		assertThat(registry.get("nnfs.blas.sums.in.input.order").gauge().value()).isEqualTo(gauge);
	}

}

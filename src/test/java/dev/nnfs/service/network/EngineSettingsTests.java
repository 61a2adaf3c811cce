package dev.nnfs.service.network;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link EngineSettings}' dgemm call size: chosen from {@code OPENBLAS_CORETYPE}, and the
 * rows per call it gives (expected values from the formula rows · k · m ≤ macs).
 */
class EngineSettingsTests {

	@Test
	void skylakeXKernelsGetCallsTheirSmallMatrixPathTakesAndOthersOneCallPerBlock() {
		assertThat(EngineSettings.gemmCallMacsFor("SkylakeX")).isEqualTo(1_000_000);
		assertThat(EngineSettings.gemmCallMacsFor("SKYLAKEX")).isEqualTo(1_000_000);
		assertThat(EngineSettings.gemmCallMacsFor("Haswell")).isEqualTo(Long.MAX_VALUE);
		assertThat(EngineSettings.gemmCallMacsFor("Cooperlake")).isEqualTo(Long.MAX_VALUE);
		assertThat(EngineSettings.gemmCallMacsFor(null)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void aBlockIsSplitIntoTheLongestRunsThatStayWithinTheCallSize() {
		EngineSettings skylakeX = new EngineSettings(0, 65_536, true, 1_000_000);
		// 244 · 64 · 64 = 999,424 ≤ 10⁶ < 245 · 64 · 64
		assertThat(skylakeX.gemmCallRows(1_024, 64, 64)).isEqualTo(244);
		// 10⁶ / (3 · 64) = 5208 rows, more than the block has
		assertThat(skylakeX.gemmCallRows(1_024, 3, 64)).isEqualTo(1_024);
		// 10⁶ / (128 · 128) = 61 rows, fewer than 64: one call
		assertThat(skylakeX.gemmCallRows(512, 128, 128)).isEqualTo(512);
		assertThat(new EngineSettings(0, 65_536, true).gemmCallRows(1_024, 64, 64)).isEqualTo(1_024);
	}

	@Test
	void aCallSizeBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EngineSettings(0, 65_536, true, 0))
			.withMessageContaining("gemmCallMacs");
	}

}

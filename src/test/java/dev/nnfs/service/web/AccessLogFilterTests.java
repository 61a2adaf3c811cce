package dev.nnfs.service.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogFilterTests {

	@Test
	void durationsReadAsStringFormatWritesThem() {
		for (long micros = 0; micros < 20_000; micros++) {
			assertThat(AccessLogFilter.millis(micros)).as("%d µs", micros)
				.isEqualTo(String.format(Locale.ROOT, "%.1f", micros / 1000.0));
		}
		for (long micros : new long[] { 1_234_549, 1_234_550, 59_999_950, 3_600_000_049L }) {
			assertThat(AccessLogFilter.millis(micros)).isEqualTo(String.format(Locale.ROOT, "%.1f", micros / 1000.0));
		}
	}

}

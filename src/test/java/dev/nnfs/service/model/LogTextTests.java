package dev.nnfs.service.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTests {

	@Test
	void controlAndFormatCharactersAreEscaped() {
		assertThat(LogText.escape("line\nforged INFO\r\u001b[31m\u2028\u202e\\"))
			.isEqualTo("line\\u000aforged INFO\\u000d\\u001b[31m\\u2028\\u202e\\\\");
		assertThat(LogText.escape(null)).isEqualTo("null");
		assertThat(LogText.escape("layer 2: \"weights\" has 3 rows, not 4"))
			.isEqualTo("layer 2: \"weights\" has 3 rows, not 4");
	}

	@Test
	void longTextIsClipped() {
		assertThat(LogText.escape("x".repeat(10_000))).hasSize(LogText.MAX_LENGTH + 1).endsWith("\u2026");
	}

}

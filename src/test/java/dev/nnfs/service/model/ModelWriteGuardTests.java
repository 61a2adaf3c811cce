package dev.nnfs.service.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.nnfs.service.model.ModelWriteGuard.Decision;

import static org.assertj.core.api.Assertions.assertThat;

class ModelWriteGuardTests {

	private final ModelWriteGuard guarded = new ModelWriteGuard(true, "s3cret-t0ken");

	@Test
	void theTokenIsAllowed() {
		assertThat(guarded.check("Bearer s3cret-t0ken")).isEqualTo(Decision.ALLOWED);
		assertThat(guarded.check("bearer s3cret-t0ken")).isEqualTo(Decision.ALLOWED);
		assertThat(guarded.check("BEARER   s3cret-t0ken ")).isEqualTo(Decision.ALLOWED);
		assertThat(Decision.ALLOWED.allowed()).isTrue();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "Bearer", "Bearer ", "Bearer   ", "s3cret-t0ken", "Basic czNjcmV0LXQwa2Vu",
			"Bearers3cret-t0ken", "Bearer s3cret t0ken", "Token s3cret-t0ken" })
	void noBearerTokenIsUnauthorized(String header) {
		assertThat(guarded.check(header)).isEqualTo(Decision.MISSING_TOKEN);
		assertThat(guarded.check(header).httpStatus()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer s3cret-t0ke", "Bearer s3cret-t0ken2", "Bearer S3CRET-T0KEN", "Bearer x",
			"Bearer s3cret-t0ken\u0000" })
	void aWrongTokenIsForbidden(String header) {
		assertThat(guarded.check(header)).isEqualTo(Decision.WRONG_TOKEN);
		assertThat(guarded.check(header).httpStatus()).isEqualTo(403);
		assertThat(guarded.check(header).allowed()).isFalse();
	}

	@Test
	void withoutATokenEveryWriteIsAllowed() {
		ModelWriteGuard open = new ModelWriteGuard(true, "");
		assertThat(open.tokenRequired()).isFalse();
		assertThat(open.check(null)).isEqualTo(Decision.ALLOWED);
		assertThat(open.check("Bearer anything")).isEqualTo(Decision.ALLOWED);
	}

	@Test
	void aReadOnlyRepositoryRefusesEveryWrite() {
		ModelWriteGuard readOnly = new ModelWriteGuard(false, "s3cret-t0ken");
		assertThat(readOnly.check("Bearer s3cret-t0ken")).isEqualTo(Decision.READ_ONLY);
		assertThat(readOnly.check(null)).isEqualTo(Decision.READ_ONLY);
		assertThat(new ModelWriteGuard(false, "").check(null)).isEqualTo(Decision.READ_ONLY);
		assertThat(Decision.READ_ONLY.httpStatus()).isEqualTo(403);
	}

	@Test
	void aNonAsciiTokenIsComparedAsUtf8() {
		ModelWriteGuard guard = new ModelWriteGuard(true, "clé");
		assertThat(guard.check("Bearer clé")).isEqualTo(Decision.ALLOWED);
		assertThat(guard.check("Bearer cle")).isEqualTo(Decision.WRONG_TOKEN);
	}

	@Test
	void propertiesNeverPrintTheToken() {
		ModelProperties properties = new ModelProperties(java.nio.file.Path.of("models"), java.time.Duration.ZERO, true,
				"s3cret-t0ken");
		assertThat(properties.toString()).doesNotContain("s3cret").contains("(set)");
		assertThat(new ModelWriteGuard(properties).tokenRequired()).isTrue();
	}

}

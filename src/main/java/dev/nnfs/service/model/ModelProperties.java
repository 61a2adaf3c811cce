package dev.nnfs.service.model;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The model repository: a directory of {@code <name>/<version>/model.json} files (see
 * {@link ModelStore}).
 *
 * @param dir the repository directory; a relative path is resolved against the working
 * directory. It need not exist: it is created by the first save, and a directory that
 * appears later is read at the next poll
 * @param pollInterval how often the directory is read again for models copied in, changed
 * or deleted by hand or by another replica; {@code 0} turns polling off (the directory is
 * then read once, at start, and changed only through the API)
 * @param writable whether models may be saved and deleted through the API; {@code false}
 * answers every write with 403 (a read-only volume, or models managed by deployment)
 * @param adminToken the bearer token a write must present
 * ({@code Authorization: Bearer <token>}); empty (the default) means writes need no
 * token, so anyone who can reach the port may save and delete models
 */
@Validated
@ConfigurationProperties("nnfs.models")
public record ModelProperties(@NotNull @DefaultValue("models") Path dir,
		@NotNull @DefaultValue("5s") Duration pollInterval, @DefaultValue("true") boolean writable,
		@NotNull @DefaultValue("") String adminToken) {

	/**
	 * The defaults, with the repository at {@code dir}: for code and tests without
	 * Spring.
	 */
	public static ModelProperties defaults(Path dir) {
		return new ModelProperties(dir, Duration.ofSeconds(5), true, "");
	}

	/** Whether writes must present a bearer token. */
	public boolean tokenRequired() {
		return !adminToken.isEmpty();
	}

	@AssertTrue(message = "must be 0 (off) or positive")
	boolean isPollIntervalValid() {
		return pollInterval == null || !pollInterval.isNegative();
	}

	/** Never prints the token. */
	@Override
	public String toString() {
		return "ModelProperties[dir=" + dir + ", pollInterval=" + pollInterval + ", writable=" + writable
				+ ", adminToken=" + (tokenRequired() ? "(set)" : "(none)") + "]";
	}

}

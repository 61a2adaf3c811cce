package dev.nnfs.service.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Decides whether a request may change the model repository (save, delete, and the OIP
 * repository extension's load and unload), from its {@code Authorization} header. A
 * decision only: the controllers turn a refusal into a problem (401 with
 * {@code WWW-Authenticate: Bearer}, or 403).
 * <ul>
 * <li>{@code nnfs.models.writable=false}: every write is {@link Decision#READ_ONLY}
 * (403), whatever the header.</li>
 * <li>No admin token configured: every write is {@link Decision#ALLOWED}.</li>
 * <li>A token configured: no header, or not {@code Bearer <token>}, is
 * {@link Decision#MISSING_TOKEN} (401); a different token is {@link Decision#WRONG_TOKEN}
 * (403); the token is {@link Decision#ALLOWED}.</li>
 * </ul>
 * Tokens are compared through their SHA-256 digests with {@link MessageDigest#isEqual},
 * which takes the same time wherever the tokens differ and whatever their lengths.
 */
public final class ModelWriteGuard {

	/** The answer to a write. */
	public enum Decision {

		/** The write may go ahead. */
		ALLOWED(200, ""),

		/** A token is required and none (or not a bearer token) was sent. */
		MISSING_TOKEN(401, "writing to the model repository needs Authorization: Bearer <admin token>"),

		/** A bearer token was sent and it is not the admin token. */
		WRONG_TOKEN(403, "the bearer token is not the admin token"),

		/** The repository takes no writes ({@code nnfs.models.writable=false}). */
		READ_ONLY(403, "the model repository is read-only (nnfs.models.writable=false)");

		private final int httpStatus;

		private final String reason;

		Decision(int httpStatus, String reason) {
			this.httpStatus = httpStatus;
			this.reason = reason;
		}

		/** Why a write is refused, for the client; empty for {@link #ALLOWED}. */
		public String reason() {
			return reason;
		}

		/** The HTTP status a refusal is answered with (200 for {@link #ALLOWED}). */
		public int httpStatus() {
			return httpStatus;
		}

		public boolean allowed() {
			return this == ALLOWED;
		}

	}

	private static final String BEARER = "bearer ";

	private final boolean writable;

	private final byte[] tokenDigest;

	public ModelWriteGuard(ModelProperties properties) {
		this(properties.writable(), properties.adminToken());
	}

	public ModelWriteGuard(boolean writable, String adminToken) {
		this.writable = writable;
		this.tokenDigest = (adminToken == null || adminToken.isEmpty()) ? null : digest(adminToken);
	}

	/** Whether writes need a bearer token. */
	public boolean tokenRequired() {
		return tokenDigest != null;
	}

	/**
	 * Decides a write.
	 * @param authorization the request's {@code Authorization} header, or {@code null}
	 */
	public Decision check(String authorization) {
		if (!writable) {
			return Decision.READ_ONLY;
		}
		if (tokenDigest == null) {
			return Decision.ALLOWED;
		}
		String token = bearerToken(authorization);
		if (token == null) {
			return Decision.MISSING_TOKEN;
		}
		return MessageDigest.isEqual(tokenDigest, digest(token)) ? Decision.ALLOWED : Decision.WRONG_TOKEN;
	}

	/** The token of {@code Bearer <token>} (scheme in any case), or null. */
	private static String bearerToken(String authorization) {
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
			return null;
		}
		String token = authorization.substring(BEARER.length()).strip();
		return (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) ? null : token;
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}

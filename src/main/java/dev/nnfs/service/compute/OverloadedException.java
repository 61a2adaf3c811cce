package dev.nnfs.service.compute;

/**
 * Every compute slot is busy and the queue is full, or a queued request waited too long;
 * rendered as a 503 problem with {@code Retry-After}.
 */
public class OverloadedException extends RuntimeException {

	OverloadedException(String message) {
		super(message, null, false, false);
	}

}

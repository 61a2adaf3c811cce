package dev.nnfs.service.web;

/**
 * Every compute slot is busy and the queue is full, or a queued request waited too long; rendered
 * as a 503 problem with {@code Retry-After}.
 */
class OverloadedException extends RuntimeException {

	OverloadedException(String message) {
		super(message, null, false, false);
	}

}

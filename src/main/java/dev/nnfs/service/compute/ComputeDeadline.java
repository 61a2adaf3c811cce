package dev.nnfs.service.compute;

import java.time.Duration;

/**
 * The compute deadline of the request the current thread is serving. Long computations
 * call {@link #check()} between steps (a network checks between layers); past the
 * deadline it throws {@link DeadlineExceededException}, which ends the request with a 503
 * problem and frees its compute slot. Threads that serve no gated request have no
 * deadline and never throw.
 */
public final class ComputeDeadline {

	private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

	private ComputeDeadline() {
	}

	/** Throws if the current request has run past its deadline. */
	public static void check() {
		Long deadline = DEADLINE.get();
		if (deadline != null && System.nanoTime() - deadline > 0) {
			throw new DeadlineExceededException();
		}
	}

	static void start(Duration budget) {
		DEADLINE.set(System.nanoTime() + budget.toNanos());
	}

	static void clear() {
		DEADLINE.remove();
	}

}

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

	/**
	 * One mutable holder per thread, set and cleared in place: a {@code ThreadLocal.set}
	 * and {@code remove} per request (a new map entry, a boxed {@code Long}) cost more
	 * than the check itself.
	 */
	private static final ThreadLocal<Deadline> DEADLINE = ThreadLocal.withInitial(Deadline::new);

	private ComputeDeadline() {
	}

	/** Throws if the current request has run past its deadline. */
	public static void check() {
		Deadline deadline = DEADLINE.get();
		if (deadline.active && System.nanoTime() - deadline.at > 0) {
			throw new DeadlineExceededException();
		}
	}

	static void start(Duration budget) {
		Deadline deadline = DEADLINE.get();
		deadline.at = System.nanoTime() + budget.toNanos();
		deadline.active = true;
	}

	static void clear() {
		DEADLINE.get().active = false;
	}

	private static final class Deadline {

		private long at;

		private boolean active;

	}

}

package dev.nnfs.service.network;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one thread ({@code forward-helper}) that shares a large pass's blocks with the
 * thread that asked for it, so that on an otherwise idle machine one request uses both
 * cores. It is lent to one pass at a time and never waited for: a pass that finds it busy
 * computes alone, so under load from several requests it adds at most one runnable
 * thread. One per process ({@link #shared()}), whatever the number of engines.
 */
final class HelperThread {

	private static final HelperThread SHARED = new HelperThread();

	private final AtomicBoolean busy = new AtomicBoolean();

	/** Starts its thread on the first task. */
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "forward-helper");
		t.setDaemon(true);
		return t;
	});

	private HelperThread() {
	}

	/** The process's helper. */
	static HelperThread shared() {
		return SHARED;
	}

	/**
	 * Runs {@code task} on the helper if no one holds it.
	 * @return the task's future, or {@code null} if the helper is busy. The helper is
	 * free again as soon as the task has returned, before the future completes: whoever
	 * waits for the future finds it free.
	 */
	Future<?> lend(Runnable task) {
		if (!busy.compareAndSet(false, true)) {
			return null;
		}
		try {
			return executor.submit(() -> {
				try {
					task.run();
				}
				finally {
					busy.set(false);
				}
			});
		}
		catch (RejectedExecutionException e) {
			busy.set(false);
			return null;
		}
	}

}

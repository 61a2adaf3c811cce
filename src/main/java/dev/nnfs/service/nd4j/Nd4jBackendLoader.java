package dev.nnfs.service.nd4j;

import java.util.concurrent.CompletableFuture;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads ND4J's native backend (unpacking and linking about 300 MB of natives takes half a
 * second) on a thread of its own, so that it overlaps the start of the Spring context
 * instead of adding to it. {@link Nd4jWarmup} waits for it before readiness.
 */
public final class Nd4jBackendLoader {

	private static volatile CompletableFuture<Void> loading;

	private Nd4jBackendLoader() {
	}

	/**
	 * Starts loading the backend in the background; called first thing in {@code main}.
	 */
	public static synchronized void startInBackground() {
		if (loading == null) {
			loading = CompletableFuture.runAsync(Nd4j::getBackend, (task) -> {
				Thread thread = new Thread(task, "nd4j-backend-loader");
				thread.setDaemon(true);
				thread.start();
			});
		}
	}

	/** Waits until the backend is loaded, loading it here if nothing started it. */
	static void await() {
		startInBackground();
		loading.join();
	}

}

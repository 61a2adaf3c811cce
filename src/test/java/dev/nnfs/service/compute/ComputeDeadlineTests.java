package dev.nnfs.service.compute;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ComputeDeadlineTests {

	@AfterEach
	void clear() {
		ComputeDeadline.clear();
	}

	@Test
	void aThreadWithoutADeadlineNeverThrows() {
		assertThatNoException().isThrownBy(ComputeDeadline::check);
	}

	@Test
	void aPassedDeadlineThrowsUntilItIsCleared() {
		ComputeDeadline.start(Duration.ofNanos(-1));
		assertThatExceptionOfType(DeadlineExceededException.class).isThrownBy(ComputeDeadline::check);
		ComputeDeadline.clear();
		assertThatNoException().isThrownBy(ComputeDeadline::check);
	}

	@Test
	void aDeadlineAheadDoesNotThrowAndBelongsToItsThreadOnly() throws Exception {
		ComputeDeadline.start(Duration.ofHours(1));
		assertThatNoException().isThrownBy(ComputeDeadline::check);
		ComputeDeadline.start(Duration.ofNanos(-1));
		AtomicReference<Throwable> other = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			try {
				ComputeDeadline.check();
			}
			catch (Throwable ex) {
				other.set(ex);
			}
		});
		thread.start();
		thread.join();
		assertThat(other.get()).isNull();
		assertThatExceptionOfType(DeadlineExceededException.class).isThrownBy(ComputeDeadline::check);
	}

}

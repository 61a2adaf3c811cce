package dev.nnfs.service.logging;

import java.io.OutputStream;
import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsoleBatchingTests {

	private final LoggerContext context = new LoggerContext();

	private final ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();

	private final BatchingOutputStreamTests.Writes out = new BatchingOutputStreamTests.Writes();

	private OutputStream original;

	private Logger log;

	@BeforeEach
	void console() {
		context.setMDCAdapter(new LogbackMDCAdapter());
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%level %msg%n");
		encoder.start();
		console.setContext(context);
		console.setName("CONSOLE");
		console.setEncoder(encoder);
		console.start();
		console.setOutputStream(out);
		original = console.getOutputStream();
		log = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		log.addAppender(console);
	}

	@AfterEach
	void stop() {
		context.stop();
	}

	private String written() {
		return String.join("", out.writes);
	}

	@Test
	void infoLinesWaitForTheBatchAndAWarningTakesThemAllOutAtOnce() {
		try (ConsoleBatching batching = ConsoleBatching.install(context, Duration.ofHours(1))) {
			assertThat(batching.batching()).isTrue();
			log.info("one");
			log.info("two");
			assertThat(written()).isEmpty();
			log.warn("three");
			assertThat(out.writes).containsExactly("INFO one\nINFO two\nWARN three\n");
			log.error("four");
			assertThat(out.writes).containsExactly("INFO one\nINFO two\nWARN three\n", "ERROR four\n");
		}
	}

	@Test
	void theFlushingThreadTakesLinesOutWithinTheInterval() throws InterruptedException {
		try (ConsoleBatching batching = ConsoleBatching.install(context, Duration.ofMillis(20))) {
			log.info("soon");
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (written().isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(written()).isEqualTo("INFO soon\n");
		}
	}

	@Test
	void closingFlushesAndGivesTheAppenderBackItsStreamAndFlushing() {
		ConsoleBatching batching = ConsoleBatching.install(context, Duration.ofHours(1));
		log.info("held");
		batching.close();
		assertThat(written()).isEqualTo("INFO held\n");
		assertThat(console.getOutputStream()).isSameAs(original);
		assertThat(console.isImmediateFlush()).isTrue();
		log.info("direct");
		assertThat(written()).isEqualTo("INFO held\nINFO direct\n");
		assertThat(log.getAppender("flush-console-at-warn")).isNull();
		batching.close();
	}

	@Test
	void aSecondInstallationLeavesTheFirstOneAlone() {
		try (ConsoleBatching first = ConsoleBatching.install(context, Duration.ofHours(1));
				ConsoleBatching second = ConsoleBatching.install(context, Duration.ofHours(1))) {
			assertThat(first.batching()).isTrue();
			assertThat(second.batching()).isFalse();
			second.close();
			log.info("still batched");
			assertThat(written()).isEmpty();
		}
		assertThat(written()).isEqualTo("INFO still batched\n");
	}

	@Test
	void anIntervalOfZeroLeavesEveryLineGoingOutAtOnce() {
		try (ConsoleBatching batching = ConsoleBatching.install(context, Duration.ZERO)) {
			assertThat(batching.batching()).isFalse();
			log.info("now");
			assertThat(written()).isEqualTo("INFO now\n");
			assertThat(console.getOutputStream()).isSameAs(original);
		}
	}

	@Test
	void noInstallationBatchesNothingAndClosesQuietly() {
		ConsoleBatching none = ConsoleBatching.none();
		assertThat(none.batching()).isFalse();
		none.flush();
		none.close();
		log.info("untouched");
		assertThat(written()).isEqualTo("INFO untouched\n");
	}

	@Test
	void refusesANegativeInterval() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsoleBatching.install(context, Duration.ofMillis(-1)));
	}

}

package dev.nnfs.service.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Writes the root logger's console lines in batches instead of one {@code write(2)} per
 * line. Spring Boot's console appender flushes every event: with the access log's line
 * per request, that system call (and the appender's lock held across it) cost the book's
 * network about a tenth of its rate. Here the console appenders write into a
 * {@link BatchingOutputStream}; a daemon thread flushes it every {@code interval}, a full
 * buffer goes out at once, and an event at WARN or above is flushed as soon as it is
 * written, so warnings and errors are never held back. As nginx's
 * {@code access_log ... buffer= flush=}: an INFO line may reach the console up to one
 * interval late, and a process killed outright loses at most that interval's lines;
 * closing this (the application's shutdown) flushes and puts the appenders back as they
 * were.
 *
 * <p>
 * Appenders that already batch (another application context in the same process installed
 * it first) are left to that installation.
 */
public final class ConsoleBatching implements AutoCloseable {

	/** Bytes each console appender's batch holds before it goes out. */
	static final int BUFFER_BYTES = 32 * 1024;

	private final Logger root;

	/** What this installation batched; fixed once made, read by the flushing threads. */
	private final List<Installed> installed;

	private boolean closed;

	private final FlushAtWarn flushAtWarn;

	private final ScheduledExecutorService flusher;

	private record Installed(ConsoleAppender<ILoggingEvent> appender, OutputStream original,
			BatchingOutputStream batching, boolean immediateFlush) {
	}

	private ConsoleBatching() {
		this.root = null;
		this.installed = List.of();
		this.flushAtWarn = null;
		this.flusher = null;
	}

	private ConsoleBatching(LoggerContext context, Duration interval) {
		this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		List<Installed> batched = new ArrayList<>();
		for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); !interval.isZero() && it.hasNext();) {
			if (it.next() instanceof ConsoleAppender<ILoggingEvent> console && console.isStarted()
					&& !(console.getOutputStream() instanceof BatchingOutputStream)) {
				OutputStream original = console.getOutputStream();
				BatchingOutputStream batching = new BatchingOutputStream(original, BUFFER_BYTES);
				boolean immediateFlush = console.isImmediateFlush();
				console.setOutputStream(batching);
				console.setImmediateFlush(false);
				batched.add(new Installed(console, original, batching, immediateFlush));
			}
		}
		this.installed = List.copyOf(batched);
		if (installed.isEmpty()) {
			this.flushAtWarn = null;
			this.flusher = null;
			return;
		}
		this.flushAtWarn = new FlushAtWarn(this);
		flushAtWarn.setContext(context);
		flushAtWarn.setName("flush-console-at-warn");
		flushAtWarn.start();
		root.addAppender(flushAtWarn);
		this.flusher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "console-flush");
			thread.setDaemon(true);
			return thread;
		});
		long nanos = interval.toNanos();
		flusher.scheduleWithFixedDelay(this::flush, nanos, nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Batches the console appenders of {@code context}'s root logger, flushed at least
	 * every {@code interval}; an interval of zero leaves them writing every event at
	 * once.
	 * @return the installation, to close at shutdown; it does nothing when there was no
	 * console appender to batch
	 */
	public static ConsoleBatching install(LoggerContext context, Duration interval) {
		if (interval.isNegative()) {
			throw new IllegalArgumentException("interval must not be negative, not " + interval);
		}
		return new ConsoleBatching(context, interval);
	}

	/** An installation that batches nothing (logging other than Logback's). */
	public static ConsoleBatching none() {
		return new ConsoleBatching();
	}

	/** Whether any console appender was batched by this installation. */
	boolean batching() {
		return !installed.isEmpty();
	}

	/** Writes out what every batched appender holds. */
	void flush() {
		for (Installed i : installed) {
			flushQuietly(i.batching());
		}
	}

	/**
	 * Flushes, stops the flushing thread and gives each appender back its own stream and
	 * flushing. Safe to call more than once.
	 */
	@Override
	public synchronized void close() {
		if (closed || installed.isEmpty()) {
			return;
		}
		closed = true;
		flusher.shutdownNow();
		root.detachAppender(flushAtWarn);
		flushAtWarn.stop();
		for (Installed i : installed) {
			ConsoleAppender<ILoggingEvent> console = i.appender();
			if (console.getOutputStream() == i.batching()) {
				// Closes (so flushes) the batching stream first.
				console.setOutputStream(i.original());
				console.setImmediateFlush(i.immediateFlush());
			}
			else {
				flushQuietly(i.batching());
			}
		}
	}

	private static void flushQuietly(OutputStream stream) {
		try {
			stream.flush();
		}
		catch (IOException ex) {
			// The console is gone: nothing to tell it; the appender reports its own write
			// failures.
		}
	}

	/**
	 * Attached to the root logger after the console appenders: an event at WARN or above
	 * has just been written to their batches, and goes out now.
	 */
	private static final class FlushAtWarn extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final ConsoleBatching batching;

		FlushAtWarn(ConsoleBatching batching) {
			this.batching = batching;
		}

		@Override
		protected void append(ILoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
				batching.flush();
			}
		}

	}

}

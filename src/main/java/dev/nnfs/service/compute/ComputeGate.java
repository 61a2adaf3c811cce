package dev.nnfs.service.compute;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The compute slots ({@link ComputeProperties}): a semaphore of {@code concurrency()}
 * permits with a short, bounded queue in front of it. A request that finds no slot and no
 * room in the queue, or waits longer than the queue timeout, is refused rather than left
 * to pile up threads and memory.
 */
@Component
class ComputeGate {

	private static final Logger log = LoggerFactory.getLogger(ComputeGate.class);

	private final ComputeProperties properties;

	private final int concurrency;

	private final Semaphore slots;

	private final AtomicInteger queued = new AtomicInteger();

	private final Counter refusedBusy;

	private final Counter refusedTimeout;

	private final Counter deadlines;

	ComputeGate(ComputeProperties properties, MeterRegistry registry) {
		this.properties = properties;
		this.concurrency = properties.concurrency();
		this.slots = new Semaphore(concurrency, true);
		Gauge.builder("nnfs.compute.active", () -> concurrency - slots.availablePermits())
			.description("requests computing now")
			.register(registry);
		Gauge.builder("nnfs.compute.queued", queued::get)
			.description("requests waiting for a compute slot")
			.register(registry);
		Gauge.builder("nnfs.compute.slots", () -> concurrency)
			.description("requests allowed to compute at once")
			.register(registry);
		this.refusedBusy = refused(registry, "queue-full");
		this.refusedTimeout = refused(registry, "queue-timeout");
		this.deadlines = refused(registry, "deadline");
		log.info("Compute slots: {}, queue {} for at most {} ms, deadline {} ms", concurrency, properties.maxQueued(),
				properties.queueTimeout().toMillis(), properties.deadline().toMillis());
	}

	private static Counter refused(MeterRegistry registry, String reason) {
		return Counter.builder("nnfs.compute.refused")
			.description("requests refused with 503 by the compute gate")
			.tag("reason", reason)
			.register(registry);
	}

	ComputeProperties properties() {
		return properties;
	}

	/**
	 * Takes a slot, waiting in the queue if there is room; throws
	 * {@link OverloadedException} otherwise.
	 */
	void acquire() {
		if (slots.tryAcquire()) {
			return;
		}
		if (queued.incrementAndGet() > properties.maxQueued()) {
			queued.decrementAndGet();
			refusedBusy.increment();
			throw new OverloadedException("every compute slot is busy and the queue is full");
		}
		try {
			if (!slots.tryAcquire(properties.queueTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
				refusedTimeout.increment();
				throw new OverloadedException(
						"no compute slot became free within " + properties.queueTimeout().toMillis() + " ms");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OverloadedException("the request was interrupted while waiting for a compute slot");
		}
		finally {
			queued.decrementAndGet();
		}
	}

	void release() {
		slots.release();
	}

	void deadlineExceeded() {
		deadlines.increment();
	}

}

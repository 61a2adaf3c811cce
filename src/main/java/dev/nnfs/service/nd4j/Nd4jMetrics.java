package dev.nnfs.service.nd4j;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

import org.springframework.stereotype.Component;

/**
 * Memory the JVM's own metrics do not show. ND4J keeps its arrays off the Java heap, and
 * JavaCPP's {@code Pointer.totalBytes()} does not count ND4J's data buffers, so the
 * honest figure is the process's resident set ({@code Pointer.physicalBytes()}, read from
 * the OS) less the committed Java heap: everything native, ND4J's buffers and BLAS
 * scratch included (as well as the JVM's metaspace, code cache and thread stacks, which
 * settle after warm-up).
 *
 * <ul>
 * <li>{@code nnfs.process.resident.bytes}: resident set size of the process
 * <li>{@code nnfs.nd4j.offheap.bytes}: resident set less the committed heap
 * <li>{@code nnfs.nd4j.tracked.bytes}: what ND4J's memory manager itself reports as
 * allocated
 * </ul>
 */
@Component
class Nd4jMetrics {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	Nd4jMetrics(MeterRegistry registry) {
		Gauge.builder("nnfs.process.resident.bytes", Pointer::physicalBytes)
			.description("resident set size of the process")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("nnfs.nd4j.offheap.bytes", this::offHeapBytes)
			.description("resident memory outside the committed Java heap: ND4J's arrays and other native memory")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("nnfs.nd4j.tracked.bytes", () -> Nd4j.getMemoryManager().allocatedMemory(0))
			.description("bytes ND4J's memory manager reports as allocated")
			.baseUnit("bytes")
			.register(registry);
	}

	long offHeapBytes() {
		return Math.max(0, Pointer.physicalBytes() - memory.getHeapMemoryUsage().getCommitted());
	}

}

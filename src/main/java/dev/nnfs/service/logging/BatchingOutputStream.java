package dev.nnfs.service.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Collects what a log appender writes and passes it on in batches: when the next write
 * would not fit the buffer, and on {@link #flush()}. A write is never split between two
 * batches, so each batch holds whole log events; a write larger than the buffer goes on
 * alone. {@link #close()} flushes and leaves the stream underneath open (it is the
 * process's standard output).
 */
final class BatchingOutputStream extends OutputStream {

	private final OutputStream out;

	private final byte[] buffer;

	private final ReentrantLock lock = new ReentrantLock();

	private int count;

	/**
	 * @param out where batches go
	 * @param capacity bytes the buffer holds
	 */
	BatchingOutputStream(OutputStream out, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
		}
		this.out = out;
		this.buffer = new byte[capacity];
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		lock.lock();
		try {
			if (length > buffer.length - count) {
				drain();
			}
			if (length >= buffer.length) {
				out.write(bytes, offset, length);
				out.flush();
			}
			else {
				System.arraycopy(bytes, offset, buffer, count, length);
				count += length;
			}
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void flush() throws IOException {
		lock.lock();
		try {
			drain();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void close() throws IOException {
		flush();
	}

	private void drain() throws IOException {
		if (count > 0) {
			int n = count;
			count = 0;
			out.write(buffer, 0, n);
			out.flush();
		}
	}

}

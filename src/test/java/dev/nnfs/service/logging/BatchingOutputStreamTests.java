package dev.nnfs.service.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BatchingOutputStreamTests {

	/** Keeps each write it gets, and counts flushes and closes. */
	static final class Writes extends OutputStream {

		final List<String> writes = new ArrayList<>();

		int flushes;

		boolean closed;

		@Override
		public void write(int b) {
			writes.add(String.valueOf((char) b));
		}

		@Override
		public void write(byte[] b, int off, int len) {
			writes.add(new String(b, off, len, StandardCharsets.UTF_8));
		}

		@Override
		public void flush() {
			flushes++;
		}

		@Override
		public void close() {
			closed = true;
		}

	}

	private static void write(OutputStream out, String s) throws IOException {
		byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
		out.write(bytes, 0, bytes.length);
	}

	@Test
	void holdsWritesUntilFlushedThenPassesThemOnInOneWrite() throws IOException {
		Writes target = new Writes();
		BatchingOutputStream batching = new BatchingOutputStream(target, 64);
		write(batching, "one\n");
		write(batching, "two\n");
		assertThat(target.writes).isEmpty();
		batching.flush();
		assertThat(target.writes).containsExactly("one\ntwo\n");
		assertThat(target.flushes).isEqualTo(1);
		batching.flush();
		assertThat(target.writes).hasSize(1);
	}

	@Test
	void aWriteThatDoesNotFitSendsTheBatchBeforeItNeverSplittingAWrite() throws IOException {
		Writes target = new Writes();
		BatchingOutputStream batching = new BatchingOutputStream(target, 10);
		write(batching, "abcd\n");
		write(batching, "efgh\n");
		write(batching, "ijk\n");
		assertThat(target.writes).containsExactly("abcd\nefgh\n");
		batching.flush();
		assertThat(target.writes).containsExactly("abcd\nefgh\n", "ijk\n");
	}

	@Test
	void aWriteAsLargeAsTheBufferGoesOnAloneAfterTheBatch() throws IOException {
		Writes target = new Writes();
		BatchingOutputStream batching = new BatchingOutputStream(target, 8);
		write(batching, "ab\n");
		write(batching, "0123456789\n");
		assertThat(target.writes).containsExactly("ab\n", "0123456789\n");
		write(batching, "c\n");
		assertThat(target.writes).hasSize(2);
	}

	@Test
	void singleBytesAreBatchedToo() throws IOException {
		Writes target = new Writes();
		BatchingOutputStream batching = new BatchingOutputStream(target, 8);
		batching.write('x');
		batching.write('\n');
		assertThat(target.writes).isEmpty();
		batching.flush();
		assertThat(target.writes).containsExactly("x\n");
	}

	@Test
	void closingFlushesAndLeavesTheTargetOpen() throws IOException {
		Writes target = new Writes();
		BatchingOutputStream batching = new BatchingOutputStream(target, 64);
		write(batching, "last\n");
		batching.close();
		assertThat(target.writes).containsExactly("last\n");
		assertThat(target.closed).isFalse();
	}

	@Test
	void everyByteArrivesInOrderFromManyThreads() throws Exception {
		ByteArrayOutputStream target = new ByteArrayOutputStream();
		BatchingOutputStream batching = new BatchingOutputStream(target, 100);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int id = t;
			threads.add(new Thread(() -> {
				try {
					for (int i = 0; i < 1000; i++) {
						write(batching, id + ":" + i + "\n");
					}
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		batching.flush();
		String[] lines = target.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(4000);
		int[] next = new int[4];
		for (String line : lines) {
			String[] parts = line.split(":");
			int id = Integer.parseInt(parts[0]);
			assertThat(Integer.parseInt(parts[1])).isEqualTo(next[id]++);
		}
	}

	@Test
	void refusesAnEmptyBuffer() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BatchingOutputStream(new Writes(), 0));
	}

}

package dev.nnfs.service.numpy;

/**
 * numpy's legacy {@code RandomState} stream as used by {@code np.random.seed(s)} followed
 * by {@code np.random.randn(...)}, re-implemented step for step.
 *
 * <h2>Algorithm</h2>
 * <ul>
 * <li><b>Generator:</b> MT19937 (Matsumoto &amp; Nishimura), 624 words of state, standard
 * tempering.</li>
 * <li><b>Seeding</b> ({@code np.random.seed(s)} with an integer {@code 0 <= s < 2^32}):
 * the reference {@code init_genrand}: {@code mt[0] = s},
 * {@code mt[i] = 1812433253 * (mt[i-1] ^ (mt[i-1] >>> 30)) + i} in unsigned 32-bit
 * arithmetic. Seeding also forgets a cached normal.</li>
 * <li><b>Uniform double</b> ({@code random_sample}): {@code a = next() >>> 5},
 * {@code b = next() >>> 6}, {@code (a * 67108864.0 + b) / 9007199254740992.0}, a multiple
 * of 2<sup>-53</sup> in [0, 1).</li>
 * <li><b>Standard normal</b> (numpy's {@code legacy_gauss}, the polar Box&ndash;Muller
 * method): if a cached value is held, return it and clear the cache. Otherwise draw
 * {@code x1 = 2u - 1}, {@code x2 = 2u - 1} and {@code r2 = x1*x1 + x2*x2} until
 * {@code 0 < r2 < 1}; then {@code f = sqrt(-2 ln(r2) / r2)}, cache {@code f * x1} and
 * return {@code f * x2}.</li>
 * <li><b>float32 draws</b> (what {@code randn} returns once {@code nnfs.init()} has run):
 * {@code (float) nextGaussian()}, i.e. the float64 draw rounded to nearest float32.</li>
 * </ul>
 *
 * <p>
 * This behaviour is frozen: numpy keeps {@code RandomState} (and the module-level
 * {@code np.random.*} functions) stream-compatible across 1.x and 2.x, and this class
 * must keep producing exactly the same numbers for the same seed. Do not "improve" it.
 *
 * <h2>Exactness</h2> The uniform stream is bit-identical to numpy's. The normals use
 * {@link StrictMath#log(double)}, so they are the same on every JVM and CPU; numpy takes
 * {@code log} from the platform's C library, which is not always correctly rounded
 * either, so a float64 normal can differ from numpy's in the last one or two bits (a few
 * percent of draws with glibc). The float32 draws, which are all that nnfs consumes,
 * agree with numpy: no mismatch in 12 million draws over six seeds, and the tests check
 * the golden sequences bit for bit.
 *
 * <p>
 * An instance holds the state of one stream and is not thread-safe: use one instance per
 * request or computation. The class has no mutable static state.
 */
public final class NumpyRandom {

	/** The largest seed numpy accepts for {@code np.random.seed}: 2<sup>32</sup> - 1. */
	public static final long MAX_SEED = 0xFFFF_FFFFL;

	private static final int N = 624;

	private static final int M = 397;

	private static final int MATRIX_A = 0x9908_B0DF;

	private static final int UPPER_MASK = 0x8000_0000;

	private static final int LOWER_MASK = 0x7FFF_FFFF;

	/**
	 * The generator words of the last seed set: the 624-step seeding is a chain of
	 * dependent multiplies (about a microsecond), and requests mostly repeat a seed. The
	 * words are never written after publication.
	 */
	private static volatile Seeded lastSeeded;

	private record Seeded(long seed, int[] words) {
	}

	private final int[] mt = new int[N];

	private int pos;

	private boolean hasGauss;

	private double gauss;

	private long draws;

	/** Scratch for one pair of the polar method. */
	private final double[] pair = new double[2];

	/**
	 * Creates a stream in the state numpy has right after {@code np.random.seed(seed)}.
	 * @param seed an integer in {@code [0, 2^32 - 1]}
	 * @throws IllegalArgumentException if the seed is out of that range
	 */
	public NumpyRandom(long seed) {
		seed(seed);
	}

	/**
	 * Re-seeds this stream like {@code np.random.seed(seed)}: the generator state is
	 * rebuilt, any cached normal is forgotten and {@link #draws()} starts again from 0.
	 * @param seed an integer in {@code [0, 2^32 - 1]}
	 * @throws IllegalArgumentException if the seed is out of that range
	 */
	public void seed(long seed) {
		if (seed < 0 || seed > MAX_SEED) {
			throw new IllegalArgumentException(
					"seed must be between 0 and " + MAX_SEED + " (2^32 - 1), but was " + seed);
		}
		Seeded last = lastSeeded;
		if (last != null && last.seed == seed) {
			System.arraycopy(last.words, 0, this.mt, 0, N);
		}
		else {
			int s = (int) seed;
			this.mt[0] = s;
			for (int i = 1; i < N; i++) {
				s = 1812433253 * (s ^ (s >>> 30)) + i;
				this.mt[i] = s;
			}
			lastSeeded = new Seeded(seed, this.mt.clone());
		}
		this.pos = N;
		this.hasGauss = false;
		this.gauss = 0.0;
		this.draws = 0;
	}

	/** A stream in the same state as {@code other}: it draws what {@code other} would. */
	public NumpyRandom(NumpyRandom other) {
		restore(other);
	}

	/**
	 * Puts this stream in the state of {@code other} (generator words, position, cached
	 * normal and draw count), as if it had drawn what {@code other} has.
	 * @param other the stream whose state to copy
	 */
	public void restore(NumpyRandom other) {
		System.arraycopy(other.mt, 0, this.mt, 0, N);
		this.pos = other.pos;
		this.hasGauss = other.hasGauss;
		this.gauss = other.gauss;
		this.draws = other.draws;
	}

	/**
	 * The next raw 32-bit output of MT19937, as the bits of an {@code int} (read it
	 * unsigned, e.g. with {@link Integer#toUnsignedLong(int)}).
	 * @return the next tempered 32-bit word
	 */
	public int nextInt32() {
		if (this.pos == N) {
			regenerate();
		}
		int y = this.mt[this.pos++];
		y ^= (y >>> 11);
		y ^= (y << 7) & 0x9D2C_5680;
		y ^= (y << 15) & 0xEFC6_0000;
		y ^= (y >>> 18);
		return y;
	}

	private void regenerate() {
		int[] key = this.mt;
		int i = 0;
		for (; i < N - M; i++) {
			int y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
			key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
		}
		for (; i < N - 1; i++) {
			int y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
			key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
		}
		int y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
		key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
		this.pos = 0;
	}

	/**
	 * numpy's {@code random_sample()}: a uniform double in [0, 1) with 53 random bits,
	 * built from two 32-bit outputs. Does not touch the cached normal nor
	 * {@link #draws()}.
	 * @return the next uniform double
	 */
	public double randomSample() {
		int a = nextInt32() >>> 5;
		int b = nextInt32() >>> 6;
		return (a * 67108864.0 + b) / 9007199254740992.0;
	}

	/**
	 * The next standard normal, exactly as numpy's legacy {@code gauss} (one element of
	 * {@code np.random.randn}, before any float32 cast).
	 * @return the next standard normal draw
	 */
	public double nextGaussian() {
		this.draws++;
		if (this.hasGauss) {
			double cached = this.gauss;
			this.hasGauss = false;
			this.gauss = 0.0;
			return cached;
		}
		double r2 = polarPair(this.pair, 0);
		double x1 = this.pair[0];
		double x2 = this.pair[1];
		double f = Math.sqrt(-2.0 * StrictMath.log(r2) / r2);
		this.gauss = f * x1;
		this.hasGauss = true;
		return f * x2;
	}

	/**
	 * Draws {@code n} standard normals and throws them away, leaving the stream exactly
	 * where {@code n} calls of {@link #nextGaussian()} would. Whole pairs only run the
	 * rejection loop (their values are never needed), so skipping is cheaper than
	 * drawing.
	 * @param n how many normals to skip, {@code >= 0}
	 * @throws IllegalArgumentException if {@code n} is negative
	 */
	public void skip(long n) {
		if (n < 0) {
			throw new IllegalArgumentException("skip count must be >= 0, but was " + n);
		}
		long remaining = n;
		if (remaining > 0 && this.hasGauss) {
			nextGaussian();
			remaining--;
		}
		while (remaining >= 2) {
			polarPair(this.pair, 0);
			this.draws += 2;
			remaining -= 2;
		}
		if (remaining == 1) {
			nextGaussian();
		}
	}

	/**
	 * The number of standard normals handed out since this stream was last seeded,
	 * skipped ones included: the stream position in the sense of "seed, then skip k".
	 * @return the number of normals drawn so far
	 */
	public long draws() {
		return this.draws;
	}

	/**
	 * Fills {@code dst[offset .. offset+length)} with float32 normal draws, in order (the
	 * row-major fill of {@code randn(rows, cols)} when the range is a whole matrix).
	 * @param dst the destination array
	 * @param offset the first index to write
	 * @param length how many values to write
	 * @throws IndexOutOfBoundsException if the range does not fit in {@code dst}
	 */
	public void fillRandnFloat32(float[] dst, int offset, int length) {
		java.util.Objects.checkFromIndexSize(offset, length, dst.length);
		for (int i = offset, end = offset + length; i < end; i++) {
			dst[i] = (float) nextGaussian();
		}
	}

	/**
	 * Fills {@code dst[offset .. offset+length)} with float64 normal draws, in order, as
	 * plain numpy's {@code np.random.randn} returns them: the same stream as
	 * {@link #nextGaussian()}, with the {@code log} of the polar method taken from
	 * {@code libm}, so that the draws are numpy's bit for bit when {@code libm} is the C
	 * library numpy uses. The uniforms of all the pairs are drawn first and their logs
	 * taken in one call; the values are those of {@code length} calls of
	 * {@link #nextGaussian()} (a pair's second value cached as numpy caches it).
	 * @param dst the destination array
	 * @param offset the first index to write
	 * @param length how many values to write
	 * @param libm where {@code log} comes from
	 * @throws IndexOutOfBoundsException if the range does not fit in {@code dst}
	 */
	public void fillRandn(double[] dst, int offset, int length, Libm libm) {
		java.util.Objects.checkFromIndexSize(offset, length, dst.length);
		int i = offset;
		int end = offset + length;
		if (i < end && this.hasGauss) {
			dst[i++] = nextGaussian();
		}
		int pairs = (end - i + 1) / 2;
		if (pairs == 0) {
			return;
		}
		double[] xy = new double[2 * pairs];
		double[] logs = new double[pairs];
		for (int k = 0; k < pairs; k++) {
			logs[k] = polarPair(xy, 2 * k);
		}
		double[] r2s = logs.clone();
		libm.log(logs, pairs);
		for (int k = 0; k < pairs; k++) {
			double f = Math.sqrt(-2.0 * logs[k] / r2s[k]);
			dst[i++] = f * xy[2 * k + 1];
			this.draws++;
			if (i < end) {
				dst[i++] = f * xy[2 * k];
				this.draws++;
			}
			else {
				this.gauss = f * xy[2 * k];
				this.hasGauss = true;
			}
		}
	}

	/**
	 * One accepted pair of numpy's polar method: {@code x1 = 2u - 1}, {@code x2 = 2u - 1}
	 * drawn until {@code 0 < r2 < 1}; stores x1 and x2 at {@code xy[at]} and
	 * {@code xy[at + 1]} and returns {@code r2 = x1² + x2²}.
	 */
	private double polarPair(double[] xy, int at) {
		double x1;
		double x2;
		double r2;
		do {
			x1 = 2.0 * randomSample() - 1.0;
			x2 = 2.0 * randomSample() - 1.0;
			r2 = x1 * x1 + x2 * x2;
		}
		while (r2 >= 1.0 || r2 == 0.0);
		xy[at] = x1;
		xy[at + 1] = x2;
		return r2;
	}

}

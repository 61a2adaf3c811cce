package dev.nnfs.service.spiral;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.nnfs.service.libm.PlatformLibm;
import dev.nnfs.service.numpy.NumpyRandom;

/**
 * The spirals that {@code /network/forward} draws, kept for the next request that draws
 * the same one. A spiral is a pure function of (seed, skip, samples, classes, dtype), and
 * so is the stream's state after it, from which the dense layers then draw their weights;
 * a request such as the book's (seed 0, 100 × 3) is typically sent again and again, and
 * drawing its 300 points (normal draws, sines and cosines as numpy computes them) was the
 * largest part of its computation.
 *
 * <p>
 * Only small spirals are kept ({@link #MAX_ROWS} points at most), and at most
 * {@link #MAX_ENTRIES} of them: under 3 MB in all. When full, the cache is emptied and
 * starts again. A {@link Spiral} hands out copies of its arrays, so a kept one is never
 * changed by the requests that use it.
 */
public final class SpiralCache {

	/** The largest spiral kept, in points. */
	public static final int MAX_ROWS = 4096;

	/** How many spirals are kept at most. */
	public static final int MAX_ENTRIES = 32;

	private record Key(long seed, long skip, int samples, int classes, boolean float64) {
	}

	/** A spiral and the stream just after it was drawn. */
	private record Drawn(Spiral spiral, NumpyRandom after) {
	}

	private final Map<Key, Drawn> kept = new ConcurrentHashMap<>();

	/**
	 * The spiral that {@code rng}, seeded with {@code seed} and then skipped {@code skip}
	 * normals, draws; {@code rng} is left where drawing it leaves the stream.
	 */
	public Spiral draw(long seed, long skip, int samples, int classes, boolean float64, NumpyRandom rng) {
		if ((long) samples * classes > MAX_ROWS) {
			return drawNew(samples, classes, float64, rng);
		}
		Key key = new Key(seed, skip, samples, classes, float64);
		Drawn drawn = this.kept.get(key);
		if (drawn != null) {
			rng.restore(drawn.after());
			return drawn.spiral();
		}
		Spiral spiral = drawNew(samples, classes, float64, rng);
		if (this.kept.size() >= MAX_ENTRIES) {
			this.kept.clear();
		}
		this.kept.put(key, new Drawn(spiral, new NumpyRandom(rng)));
		return spiral;
	}

	private static Spiral drawNew(int samples, int classes, boolean float64, NumpyRandom rng) {
		return float64 ? SpiralData.spiralData64(samples, classes, rng, PlatformLibm.get())
				: SpiralData.spiralData(samples, classes, rng);
	}

}

package dev.nnfs.service.spiral;

import dev.nnfs.service.libm.PlatformLibm;
import dev.nnfs.service.numpy.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept spiral, and the stream after it, are exactly what drawing it anew gives: the
 * same points and labels, and the same normals drawn next (the dense layers' weights).
 */
class SpiralCacheTests {

	@ParameterizedTest
	@CsvSource({ "0, 0, 100, 3, false", "0, 0, 100, 3, true", "7, 5, 10, 4, false", "1, 1, 3, 1, true",
			"3, 0, 2000, 3, false" })
	void aKeptSpiralAndTheStreamAfterItAreThoseOfANewDraw(long seed, long skip, int samples, int classes,
			boolean float64) {
		SpiralCache cache = new SpiralCache();
		for (int round = 0; round < 3; round++) {
			NumpyRandom fresh = stream(seed, skip);
			Spiral expected = float64 ? SpiralData.spiralData64(samples, classes, fresh, PlatformLibm.get())
					: SpiralData.spiralData(samples, classes, fresh);
			NumpyRandom rng = stream(seed, skip);
			Spiral spiral = cache.draw(seed, skip, samples, classes, float64, rng);
			assertThat(spiral).isEqualTo(expected);
			assertThat(rng.draws()).isEqualTo(fresh.draws());
			for (int i = 0; i < 11; i++) {
				assertThat(Double.doubleToRawLongBits(rng.nextGaussian()))
					.isEqualTo(Double.doubleToRawLongBits(fresh.nextGaussian()));
			}
		}
	}

	@Test
	void aSpiralChangedByItsUserIsNotChangedInTheCache() {
		SpiralCache cache = new SpiralCache();
		Spiral first = cache.draw(0, 0, 100, 3, false, stream(0, 0));
		float[] points = first.points();
		points[0] = 42f;
		Spiral again = cache.draw(0, 0, 100, 3, false, stream(0, 0));
		assertThat(again.points()[0]).isNotEqualTo(42f);
		assertThat(again).isEqualTo(SpiralData.spiralData(100, 3, stream(0, 0)));
	}

	@Test
	void largeSpiralsAndManyKeysStillDrawRightly() {
		SpiralCache cache = new SpiralCache();
		for (int seed = 0; seed < SpiralCache.MAX_ENTRIES * 2 + 3; seed++) {
			assertThat(cache.draw(seed, 0, 5, 2, false, stream(seed, 0)))
				.isEqualTo(SpiralData.spiralData(5, 2, stream(seed, 0)));
		}
		int big = SpiralCache.MAX_ROWS + 1;
		assertThat(cache.draw(1, 0, big, 1, false, stream(1, 0)))
			.isEqualTo(SpiralData.spiralData(big, 1, stream(1, 0)));
	}

	private static NumpyRandom stream(long seed, long skip) {
		NumpyRandom rng = new NumpyRandom(seed);
		rng.skip(skip);
		return rng;
	}

}

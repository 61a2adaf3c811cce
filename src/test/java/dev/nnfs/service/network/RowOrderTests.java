package dev.nnfs.service.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RowOrder}: every row once, the rows copied in that order, and neighbours in
 * input space next to each other (by angle, or along a Z-order curve).
 */
class RowOrderTests {

	@Test
	void everyRowOfTheSegmentComesOnceWithItsValues() {
		SplittableRandom random = new SplittableRandom(5);
		int width = 3;
		float[] input = new float[1000 * width];
		for (int i = 0; i < input.length; i++) {
			input[i] = switch (random.nextInt(50)) {
				case 0 -> Float.NaN;
				case 1 -> Float.POSITIVE_INFINITY;
				case 2 -> -0f;
				default -> (float) random.nextGaussian();
			};
		}
		for (boolean byAngle : new boolean[] { false, true }) {
			RowOrder order = RowOrder.of(input, width, 100, 700, byAngle);
			assertThat(order.order()).hasSize(700);
			assertThat(java.util.Arrays.stream(order.order()).sorted().toArray())
				.isEqualTo(java.util.stream.IntStream.range(100, 800).toArray());
			for (int p = 0; p < 700; p++) {
				for (int c = 0; c < width; c++) {
					assertThat(Float.floatToRawIntBits(order.rows()[p * width + c]))
						.isEqualTo(Float.floatToRawIntBits(input[order.order()[p] * width + c]));
				}
			}
		}
	}

	@Test
	void twoWideRowsByAngleComeCounterclockwiseFromStraightDown() {
		// 12 directions 30° apart, at random distances, shuffled; expected: ascending
		// angle measured from -90°
		SplittableRandom random = new SplittableRandom(8);
		List<Integer> degrees = new ArrayList<>();
		for (int d = -89; d < 271; d += 30) {
			degrees.add(d);
		}
		Collections.shuffle(degrees, new java.util.Random(3));
		float[] input = new float[2 * degrees.size()];
		for (int i = 0; i < degrees.size(); i++) {
			double radius = random.nextDouble(0.01, 100);
			input[2 * i] = (float) (radius * Math.cos(Math.toRadians(degrees.get(i))));
			input[2 * i + 1] = (float) (radius * Math.sin(Math.toRadians(degrees.get(i))));
		}
		int[] order = RowOrder.of(input, 2, 0, degrees.size(), true).order();
		List<Integer> taken = new ArrayList<>();
		for (int row : order) {
			taken.add(degrees.get(row));
		}
		assertThat(taken).isSorted().hasSize(12);
	}

	@Test
	void clustersComeWholeInZOrder() {
		// Four tight clusters at the corners of the unit square, their rows interleaved;
		// on a Z-order curve (x's bits below y's): (0, 0), (1, 0), (0, 1), (1, 1)
		float[][] corners = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 } };
		SplittableRandom random = new SplittableRandom(4);
		int rows = 200;
		float[] input = new float[2 * rows];
		for (int r = 0; r < rows; r++) {
			input[2 * r] = corners[r % 4][0] + (float) random.nextDouble(-1e-3, 1e-3);
			input[2 * r + 1] = corners[r % 4][1] + (float) random.nextDouble(-1e-3, 1e-3);
		}
		int[] order = RowOrder.of(input, 2, 0, rows, false).order();
		for (int p = 0; p < rows; p++) {
			assertThat(order[p] % 4).as("position %d", p).isEqualTo(p / (rows / 4));
		}
	}

}

package dev.nnfs.service.numpy;

/**
 * numpy's {@code np.linspace(start, stop, num)} (endpoint included, float64), reproduced
 * with numpy's own order of operations so that every element is bit-identical.
 *
 * <p>
 * numpy computes {@code delta = stop - start}, {@code div = num - 1},
 * {@code step = delta / div}, then {@code y[i] = i * step + start} and finally overwrites
 * the last element with {@code stop} exactly. When {@code step} underflows to zero (a
 * subnormal {@code delta}) it computes {@code y[i] = (i / div) * delta + start} instead.
 * For {@code num == 1} the single element is {@code 0 * delta + start}, i.e.
 * {@code start} for finite bounds; {@code num == 0} gives an empty array.
 */
public final class Linspace {

	private Linspace() {
	}

	/**
	 * {@code np.linspace(start, stop, num)}.
	 * @param start the first value
	 * @param stop the last value (always included when {@code num > 1})
	 * @param num the number of values, {@code >= 0}
	 * @return a new array of {@code num} values
	 * @throws IllegalArgumentException if {@code num} is negative
	 */
	public static double[] linspace(double start, double stop, int num) {
		if (num < 0) {
			throw new IllegalArgumentException("number of samples must be >= 0, but was " + num);
		}
		double[] y = new double[num];
		for (int i = 0; i < num; i++) {
			y[i] = valueAt(start, stop, num, i);
		}
		return y;
	}

	/**
	 * Element {@code i} of {@code np.linspace(start, stop, num)} without building the
	 * array. The caller guarantees {@code 0 <= i < num}.
	 */
	public static double valueAt(double start, double stop, int num, int i) {
		int div = num - 1;
		if (div > 0 && i == div) {
			return stop;
		}
		double delta = stop - start;
		double y;
		if (div > 0) {
			double step = delta / div;
			y = (step == 0.0) ? (i / (double) div) * delta : i * step;
		}
		else {
			y = i * delta;
		}
		return y + start;
	}

}

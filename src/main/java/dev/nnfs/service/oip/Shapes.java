package dev.nnfs.service.oip;

/** Shape arithmetic and text. */
final class Shapes {

	private Shapes() {
	}

	/** {@code [3, 2]}. */
	static String toString(long[] shape) {
		StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < shape.length; i++) {
			if (i > 0) {
				sb.append(", ");
			}
			sb.append(shape[i]);
		}
		return sb.append(']').toString();
	}

	/** The element count, or -1 when it overflows a long. Dimensions are not negative. */
	static long product(long[] shape) {
		for (long d : shape) {
			if (d == 0) {
				return 0;
			}
		}
		long n = 1;
		for (long d : shape) {
			if (n > Long.MAX_VALUE / d) {
				return -1;
			}
			n *= d;
		}
		return n;
	}

}

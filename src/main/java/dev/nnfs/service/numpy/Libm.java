package dev.nnfs.service.numpy;

/**
 * The C library's float64 functions that numpy's float64 results come from. numpy
 * computes {@code np.exp}, {@code np.log}, {@code np.sin} and {@code np.cos} of float64
 * arrays (and the {@code log} inside its legacy normal draws) with the platform's libm
 * when the CPU has no AVX-512; glibc's versions are not correctly rounded in every case
 * (about 1 in 1,500 results of exp and sin differs from the correctly rounded one), so a
 * bit-exact float64 mode must call the same functions rather than compute its own.
 *
 * <p>
 * Each function works in place on {@code values[0, n)}, so that one call covers a whole
 * array: the implementation that reaches libm ({@code libm.PlatformLibm}) pays one native
 * call per array, not per value. {@link #STRICT} is {@link StrictMath}'s (fdlibm), for
 * code that runs without natives; its results differ from glibc's in the last bit for a
 * few percent of inputs.
 */
public interface Libm {

	/** fdlibm, through {@link StrictMath}. */
	Libm STRICT = new Libm() {

		@Override
		public void exp(double[] values, int n) {
			for (int i = 0; i < n; i++) {
				values[i] = StrictMath.exp(values[i]);
			}
		}

		@Override
		public void log(double[] values, int n) {
			for (int i = 0; i < n; i++) {
				values[i] = StrictMath.log(values[i]);
			}
		}

		@Override
		public void sin(double[] values, int n) {
			for (int i = 0; i < n; i++) {
				values[i] = StrictMath.sin(values[i]);
			}
		}

		@Override
		public void cos(double[] values, int n) {
			for (int i = 0; i < n; i++) {
				values[i] = StrictMath.cos(values[i]);
			}
		}

	};

	/** {@code values[i] = exp(values[i])} for {@code i < n}. */
	void exp(double[] values, int n);

	/** {@code values[i] = log(values[i])} for {@code i < n}. */
	void log(double[] values, int n);

	/** {@code values[i] = sin(values[i])} for {@code i < n}. */
	void sin(double[] values, int n);

	/** {@code values[i] = cos(values[i])} for {@code i < n}. */
	void cos(double[] values, int n);

}

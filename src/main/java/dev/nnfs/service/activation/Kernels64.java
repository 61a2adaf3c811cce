package dev.nnfs.service.activation;

/** Plain float64 element-wise kernels (placeholder until the accurate ones land). */
public final class Kernels64 {

	private Kernels64() {
	}

	public static void step(double[] v, int n) {
		for (int i = 0; i < n; i++) {
			v[i] = v[i] > 0 ? 1.0 : 0.0;
		}
	}

	public static void relu(double[] v, int n) {
		for (int i = 0; i < n; i++) {
			v[i] = v[i] < 0 ? 0.0 : v[i];
		}
	}

	public static void leakyRelu(double[] v, int n, double alpha) {
		for (int i = 0; i < n; i++) {
			v[i] = v[i] > 0 ? v[i] : alpha * v[i];
		}
	}

	public static void sigmoid(double[] v, int n) {
		for (int i = 0; i < n; i++) {
			v[i] = 1 / (1 + Math.exp(-v[i]));
		}
	}

	public static void tanh(double[] v, int n) {
		for (int i = 0; i < n; i++) {
			v[i] = Math.tanh(v[i]);
		}
	}

	public static void elu(double[] v, int n, double alpha) {
		for (int i = 0; i < n; i++) {
			v[i] = v[i] > 0 ? v[i] : alpha * Math.expm1(v[i]);
		}
	}

	public static void gelu(double[] v, int n) {
		for (int i = 0; i < n; i++) {
			v[i] = v[i] / 2 * Kernels32.erfc(-v[i] / Math.sqrt(2));
		}
	}

	public static void softplus(double[] v, int n) {
		for (int i = 0; i < n; i++) {
			v[i] = Math.max(v[i], 0) + Math.log1p(Math.exp(-Math.abs(v[i])));
		}
	}

	public static void silu(double[] v, int n) {
		for (int i = 0; i < n; i++) {
			v[i] = v[i] / (1 + Math.exp(-v[i]));
		}
	}

}

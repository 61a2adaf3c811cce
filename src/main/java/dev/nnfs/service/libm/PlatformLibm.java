package dev.nnfs.service.libm;

import dev.nnfs.service.numpy.Libm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Cos;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sin;
import org.nd4j.linalg.api.ops.BaseTransformOp;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.DoubleBuffer;
import java.util.function.Function;

/**
 * The platform C library's {@code exp}, {@code log}, {@code sin} and {@code cos}, the
 * functions numpy's float64 results come from ({@link Libm}). ND4J's native library
 * evaluates its DOUBLE transforms element by element with the C library it is linked
 * against, the same one numpy's float64 loops call on a CPU without AVX-512; this class
 * reaches them through one ND4J array per call: copy in, the transform in place, copy out
 * (about 5 µs of fixed cost, then a few ns per value).
 *
 * <p>
 * That the bits agree with numpy's is checked, not assumed: the float64 golden tests
 * compare the spiral, the normal draws and softmax with numpy's own output.
 */
public final class PlatformLibm implements Libm {

	private static final PlatformLibm INSTANCE = new PlatformLibm();

	private PlatformLibm() {
	}

	/** The one instance: it holds no state. */
	public static Libm get() {
		return INSTANCE;
	}

	@Override
	public void exp(double[] values, int n) {
		apply(values, n, (x) -> new Exp(x, x));
	}

	@Override
	public void log(double[] values, int n) {
		apply(values, n, (x) -> new Log(x, x));
	}

	@Override
	public void sin(double[] values, int n) {
		apply(values, n, (x) -> new Sin(x, x));
	}

	@Override
	public void cos(double[] values, int n) {
		apply(values, n, (x) -> new Cos(x, x));
	}

	private static void apply(double[] values, int n, Function<INDArray, BaseTransformOp> op) {
		if (n == 0) {
			return;
		}
		try (INDArray x = Nd4j.create(DataType.DOUBLE, n)) {
			DoubleBuffer buffer = x.data().asNioDouble();
			buffer.put(values, 0, n);
			Nd4j.exec(op.apply(x));
			buffer.clear();
			buffer.get(values, 0, n);
		}
	}

}

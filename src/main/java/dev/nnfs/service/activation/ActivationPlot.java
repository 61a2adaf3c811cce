package dev.nnfs.service.activation;

import dev.nnfs.service.plot.Axis;
import dev.nnfs.service.plot.Chart;
import dev.nnfs.service.plot.CurveLayer;
import dev.nnfs.service.plot.Palette;
import dev.nnfs.service.tensor.NdArrays;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The picture of an activation: {@code y = f(x)} at {@code points} evenly spaced float32
 * samples from {@code from} to {@code to}, computed by the same kernel as {@code POST
 * /activations/{name}}.
 *
 * <p>
 * An element-wise activation is applied to the column {@code [points, 1]}. A row-wise one
 * (softmax, log_softmax) is applied to the rows {@code [x, second]} ({@code [points, 2]})
 * and the curve is the first component, e.g. {@code softmax([x, 0])[0] = 1 / (1 + e^-x)}.
 *
 * <p>
 * The x axis spans exactly {@code [from, to]}; the y axis is the smallest round range
 * that holds the finite values with a little room, so a curve never runs along the frame.
 */
final class ActivationPlot {

	static final int WIDTH = 680;

	static final int HEIGHT = 480;

	/** Room above and below the values, as a share of their spread. */
	private static final double Y_ROOM = 0.03;

	private ActivationPlot() {
	}

	/**
	 * The sample positions: {@code float32(from + (to - from) * i / (points - 1))}, the
	 * last exactly {@code to}.
	 */
	static float[] samples(double from, double to, int points) {
		float[] x = new float[points];
		for (int i = 0; i < points; i++) {
			x[i] = (float) (i == points - 1 ? to : from + (to - from) * i / (points - 1));
		}
		return x;
	}

	/**
	 * The values {@code f(x)} (first component of {@code f([x, second])} for a row-wise
	 * activation).
	 */
	static float[] values(Activation activation, double[] params, float[] x, float second) {
		int n = x.length;
		if (!activation.rowWise()) {
			try (INDArray column = NdArrays.matrix(x.clone(), n, 1)) {
				activation.applyInPlace(column, params);
				return NdArrays.toFloats(column);
			}
		}
		float[] rows = new float[2 * n];
		for (int i = 0; i < n; i++) {
			rows[2 * i] = x[i];
			rows[2 * i + 1] = second;
		}
		try (INDArray batch = NdArrays.matrix(rows, n, 2)) {
			activation.applyInPlace(batch, params);
			float[] out = NdArrays.toFloats(batch);
			float[] first = new float[n];
			for (int i = 0; i < n; i++) {
				first[i] = out[2 * i];
			}
			return first;
		}
	}

	static Chart chart(Activation activation, double[] params, ActivationPlotQuery query) {
		float[] x = samples(query.from(), query.to(), query.points());
		float[] y = values(activation, params, x, (float) query.second());
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		double[] xs = new double[x.length];
		double[] ys = new double[y.length];
		for (int i = 0; i < x.length; i++) {
			xs[i] = x[i];
			ys[i] = y[i];
			if (Float.isFinite(y[i])) {
				low = Math.min(low, y[i]);
				high = Math.max(high, y[i]);
			}
		}
		if (low > high) {
			low = 0;
			high = 0;
		}
		double room = (high - low) * Y_ROOM;
		String curve = curveName(activation, query.second());
		return Chart.builder(WIDTH, HEIGHT)
			.title(title(activation, params, query.second()))
			.axes(Axis.linear("x", query.from(), query.to()), Axis.covering(curve, low - room, high + room))
			.layer(CurveLayer.of(List.of(new CurveLayer.Series(activation.rowWise() ? "component 0" : curve, xs, ys)),
					Palette.OKABE_ITO))
			.build();
	}

	/** {@code sigmoid(x)}, or {@code softmax([x, 0])[0]} for a row-wise activation. */
	static String curveName(Activation activation, double second) {
		return activation.rowWise() ? activation.name() + "([x, " + number(second) + "])[0]"
				: activation.name() + "(x)";
	}

	private static String title(Activation activation, double[] params, double second) {
		StringBuilder t = new StringBuilder(activation.name());
		for (int i = 0; i < params.length; i++) {
			t.append(i == 0 ? " (" : ", ")
				.append(activation.params().get(i).name())
				.append(" = ")
				.append(number(params[i]));
			if (i == params.length - 1) {
				t.append(')');
			}
		}
		if (activation.rowWise()) {
			return t.append(" of the row [x, ").append(number(second)).append("], component 0").toString();
		}
		return t.append(": ").append(activation.formula()).toString();
	}

	private static String number(double value) {
		return Axis.format(value);
	}

}

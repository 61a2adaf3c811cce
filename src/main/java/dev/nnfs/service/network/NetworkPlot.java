package dev.nnfs.service.network;

import dev.nnfs.service.activation.Predictions;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.network.NetworkBuilder.Plan;
import dev.nnfs.service.plot.Axis;
import dev.nnfs.service.plot.Chart;
import dev.nnfs.service.plot.Palette;
import dev.nnfs.service.plot.RegionLayer;
import dev.nnfs.service.plot.ScatterLayer;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision-region picture of a network on 2-D data: the plane over the data's range
 * cut into {@code resolution × resolution} cells, each cell's centre run through the
 * network (all cells in one batch, {@code [resolution², 2]}), the cell coloured by the
 * predicted class (argmax) and shaded by how sure the network is; the data points on top
 * in their label's colour.
 *
 * <p>
 * Shade: when every output lies in {@code [0, 1]} (softmax, sigmoid), a cell whose
 * confidence {@code p} is {@code 1/k} (k outputs, a coin toss) is palest and
 * {@code p = 1} is darkest: {@code shade = (p - 1/k) / (1 - 1/k)}. Other outputs (a
 * linear or ReLU last layer) are not probabilities, and every cell gets the middle shade.
 */
final class NetworkPlot {

	static final int WIDTH = 680;

	static final int HEIGHT = 600;

	static final int DEFAULT_RESOLUTION = 100;

	/** Room around the data, as a share of its spread on each axis. */
	private static final double ROOM = 0.08;

	/** Longest title that fits above the plot area. */
	private static final int MAX_TITLE = 64;

	private static final Palette INK = new Palette("ink", List.of("#222222"));

	private NetworkPlot() {
	}

	/**
	 * Refuses a grid whose pass would hold more than
	 * {@code nnfs.limits.max-layer-output-values} values in one layer's output.
	 */
	static void checkGrid(Plan plan, int resolution, Limits limits) {
		long cells = (long) resolution * resolution;
		int widest = plan.inputs().cols();
		for (Layer layer : plan.network().layers()) {
			if (layer instanceof DenseLayer dense) {
				widest = Math.max(widest, dense.neurons());
			}
		}
		if (cells * widest > limits.maxLayerOutputValues()) {
			throw LimitExceededException.parameter("nnfs.limits.max-layer-output-values", limits.maxLayerOutputValues(),
					"resolution",
					"a " + resolution + " × " + resolution + " grid through a layer of " + widest + " neurons holds "
							+ cells * widest + " values, over the limit of " + limits.maxLayerOutputValues()
							+ " (nnfs.limits.max-layer-output-values)");
		}
	}

	/** The cell centres, row-major from the bottom row: {@code [resolution², 2]}. */
	static FloatBatch grid(Axis x, Axis y, int resolution) {
		float[] points = new float[2 * resolution * resolution];
		double dx = (x.max() - x.min()) / resolution;
		double dy = (y.max() - y.min()) / resolution;
		for (int r = 0, i = 0; r < resolution; r++) {
			float cy = (float) (y.min() + (r + 0.5) * dy);
			for (int c = 0; c < resolution; c++) {
				points[i++] = (float) (x.min() + (c + 0.5) * dx);
				points[i++] = cy;
			}
		}
		return FloatBatch.of(points, resolution * resolution, 2);
	}

	/**
	 * A batch of either dtype as float32, for drawing only: float64 values are rounded
	 * (an overflow becomes an infinity, which the shading treats as not a probability).
	 */
	static FloatBatch drawable(Batch batch) {
		return batch instanceof FloatBatch f ? f : ((DoubleBatch) batch).rounded();
	}

	/**
	 * The axis over column {@code col} of the data, with room around it and round ends.
	 */
	static Axis axis(String label, FloatBatch data, int col) {
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		for (int r = 0; r < data.rows(); r++) {
			low = Math.min(low, data.get(r, col));
			high = Math.max(high, data.get(r, col));
		}
		double room = (high - low) * ROOM;
		return Axis.covering(label, low - room, high + room);
	}

	/** Cell shades from the network's outputs on the grid; see the class comment. */
	static float[] shades(FloatBatch outputs, float[] confidence) {
		float[] shades = new float[confidence.length];
		boolean probabilities = true;
		for (float v : outputs.values()) {
			if (!(v >= 0f && v <= 1f)) {
				probabilities = false;
				break;
			}
		}
		int k = outputs.cols();
		for (int i = 0; i < shades.length; i++) {
			if (!probabilities) {
				shades[i] = 0.5f;
			}
			else if (k == 1) {
				shades[i] = confidence[i];
			}
			else {
				shades[i] = (float) ((confidence[i] - 1.0 / k) / (1.0 - 1.0 / k));
			}
		}
		return shades;
	}

	static Chart chart(Plan plan, int resolution) {
		FloatBatch data = drawable(plan.inputs());
		Axis x = axis("x", data, 0);
		Axis y = axis("y", data, 1);
		Network network = plan.network();
		FloatBatch grid = grid(x, y, resolution);
		FloatBatch out = drawable(network.forward(plan.dtype() == DType.FLOAT64 ? grid.widened() : grid, false).get(0));
		int classes = out.cols();
		Predictions predicted = Predictions.of(out.values(), out.rows(), classes);
		RegionLayer regions = RegionLayer.of(resolution, resolution, predicted.argmax(),
				shades(out, predicted.floatConfidence()), classes, (c) -> "predicted " + c, Palette.OKABE_ITO);

		int[] labels = plan.labels();
		ScatterLayer.Points points = ScatterLayer.Points.of(data.rows(), (i) -> data.get(i, 0), (i) -> data.get(i, 1),
				(i) -> labels == null ? 0 : labels[i]);
		ScatterLayer scatter = (labels == null) ? ScatterLayer.of(points, 1, (c) -> "data", INK)
				: ScatterLayer.of(points, classes, (c) -> "class " + c, Palette.OKABE_ITO);

		return Chart.builder(WIDTH, HEIGHT)
			.title(title(plan))
			.axes(x, y)
			.layer(regions)
			.layer(scatter.outlined("#ffffff"))
			.build();
	}

	/**
	 * "Regions of dense 3 → relu → dense 3 → softmax, accuracy 0.34", shortened for deep
	 * networks.
	 */
	private static String title(Plan plan) {
		List<String> parts = new ArrayList<>();
		for (Layer layer : plan.network().layers()) {
			parts.add(layer instanceof DenseLayer dense ? "dense " + dense.neurons()
					: ((ActivationLayer) layer).activation().name());
		}
		String score = "";
		if (plan.labels() != null) {
			Predictions p = Predictions.of(plan.network().forward(plan.inputs(), false).get(0));
			double accuracy = CategoricalCrossEntropy.accuracy(p.argmax(), plan.labels());
			score = ", accuracy "
					+ Axis.format(BigDecimal.valueOf(accuracy).setScale(3, RoundingMode.HALF_EVEN).doubleValue());
		}
		String title = "Regions of " + String.join(" \u2192 ", parts) + score;
		return title.length() <= MAX_TITLE ? title : "Decision regions of a " + parts.size() + "-layer network" + score;
	}

}

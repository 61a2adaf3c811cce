package dev.nnfs.service.plot;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A chart's data-to-pixel mapping read back from the document alone: the frame rectangle
 * and the axes' {@code data-min}/{@code data-max}. Tests compute where a value should be
 * drawn from these, independently of {@link PlotArea}.
 */
public record PlotFrame(double left, double top, double width, double height, double xMin, double xMax, double yMin,
		double yMax) {

	public static PlotFrame of(Document svg) {
		Element frame = Xml.byClass(svg, "frame");
		Element x = Xml.byClass(svg, "x-axis");
		Element y = Xml.byClass(svg, "y-axis");
		return new PlotFrame(num(frame, "x"), num(frame, "y"), num(frame, "width"), num(frame, "height"),
				num(x, "data-min"), num(x, "data-max"), num(y, "data-min"), num(y, "data-max"));
	}

	public double px(double x) {
		return left + (x - xMin) / (xMax - xMin) * width;
	}

	public double py(double y) {
		return top + height - (y - yMin) / (yMax - yMin) * height;
	}

	/** The data x of a pixel column. */
	public double dataX(double px) {
		return xMin + (px - left) / width * (xMax - xMin);
	}

	/** The data y of a pixel row. */
	public double dataY(double py) {
		return yMin + (top + height - py) / height * (yMax - yMin);
	}

	public static double num(Element e, String attribute) {
		return Double.parseDouble(e.getAttribute(attribute));
	}

	/**
	 * The vertices of a path written as {@code M x y L x y ...}, subpath starts included.
	 */
	public static List<double[]> vertices(String d) {
		List<double[]> out = new ArrayList<>();
		String[] tokens = d.trim().split("\\s+");
		for (int i = 0; i < tokens.length; i += 2) {
			String xs = tokens[i];
			if (xs.charAt(0) != 'M' && xs.charAt(0) != 'L') {
				throw new AssertionError("path command expected at '" + xs + "' in " + d);
			}
			out.add(new double[] { Double.parseDouble(xs.substring(1)), Double.parseDouble(tokens[i + 1]) });
		}
		return out;
	}

}

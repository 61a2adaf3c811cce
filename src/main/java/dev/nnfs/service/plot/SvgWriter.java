package dev.nnfs.service.plot;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * A small streaming XML writer for SVG documents: elements are written as they are
 * opened, so a plot with a million points never exists as one string or tree in memory.
 *
 * <p>
 * Attribute values and text are escaped ({@code & < > "}, and tab, line feed and carriage
 * return inside attributes as character references); characters that XML 1.0 cannot
 * represent at all (most C0 controls, lone surrogates, U+FFFE and U+FFFF) become U+FFFD.
 * Element and attribute names are checked to be plain XML names. Numbers are written with
 * at most two decimals, which is a hundredth of a pixel in user units.
 *
 * <pre>
 * svg.start("circle").attr("cx", 12.5).attr("cy", 40).attr("r", 2).end();
 * svg.start("text").attr("x", 10).attr("y", 20).text("a &lt; b").end();
 * </pre>
 *
 * <p>
 * Not thread-safe; one instance writes one document. The writer does not close the
 * underlying {@link Writer}; {@link #finish()} flushes it.
 */
public final class SvgWriter {

	/** The SVG namespace, for the root element's {@code xmlns}. */
	public static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	private final Writer out;

	private final Deque<String> open = new ArrayDeque<>();

	private boolean inStartTag;

	private boolean hasContent;

	private boolean rootClosed;

	public SvgWriter(Writer out) {
		this.out = Objects.requireNonNull(out, "out must not be null");
	}

	/** Writes the XML declaration; only allowed before anything else. */
	public SvgWriter declaration() throws IOException {
		if (this.hasContent) {
			throw new IllegalStateException("the XML declaration must come first");
		}
		this.out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		this.hasContent = true;
		return this;
	}

	/**
	 * Opens an element; attributes follow with {@code attr}, children or text after them.
	 */
	public SvgWriter start(String name) throws IOException {
		checkName(name);
		if (this.open.isEmpty() && this.rootClosed) {
			throw new IllegalStateException("a document has exactly one root element");
		}
		closeStartTag();
		this.out.write('<');
		this.out.write(name);
		this.open.push(name);
		this.inStartTag = true;
		this.hasContent = true;
		return this;
	}

	/** Adds an attribute to the element just opened; the value is escaped. */
	public SvgWriter attr(String name, String value) throws IOException {
		beginAttribute(name);
		escape(value, true);
		this.out.write('"');
		return this;
	}

	/**
	 * Adds a numeric attribute, rounded to two decimals and written without trailing
	 * zeros ({@code 12.5}, {@code 3}, {@code -0.25}).
	 * @throws IllegalArgumentException if the value is NaN or infinite
	 */
	public SvgWriter attr(String name, double value) throws IOException {
		beginAttribute(name);
		writeNumber(value);
		this.out.write('"');
		return this;
	}

	/** Writes escaped character data inside the current element. */
	public SvgWriter text(String text) throws IOException {
		if (this.open.isEmpty()) {
			throw new IllegalStateException("text must be inside an element");
		}
		closeStartTag();
		escape(text, false);
		return this;
	}

	/** Closes the innermost open element ({@code />} when it has no content). */
	public SvgWriter end() throws IOException {
		if (this.open.isEmpty()) {
			throw new IllegalStateException("no element is open");
		}
		String name = this.open.pop();
		if (this.inStartTag) {
			this.out.write("/>");
			this.inStartTag = false;
		}
		else {
			this.out.write("</");
			this.out.write(name);
			this.out.write('>');
		}
		if (this.open.isEmpty()) {
			this.rootClosed = true;
		}
		return this;
	}

	/**
	 * Shorthand for an element that holds only text: {@code start(name)}, {@code text},
	 * {@code end()}.
	 */
	public SvgWriter element(String name, String text) throws IOException {
		return start(name).text(text).end();
	}

	/** Writes a line break between elements, for readability of small documents. */
	public SvgWriter newline() throws IOException {
		closeStartTag();
		this.out.write('\n');
		return this;
	}

	/**
	 * Checks that every element is closed and flushes the underlying writer.
	 * @throws IllegalStateException if an element is still open
	 */
	public void finish() throws IOException {
		if (!this.open.isEmpty()) {
			throw new IllegalStateException("element <" + this.open.peek() + "> is still open");
		}
		this.out.write('\n');
		this.out.flush();
	}

	private void beginAttribute(String name) throws IOException {
		if (!this.inStartTag) {
			throw new IllegalStateException("attributes must follow start(...) directly");
		}
		checkName(name);
		this.out.write(' ');
		this.out.write(name);
		this.out.write("=\"");
	}

	private void closeStartTag() throws IOException {
		if (this.inStartTag) {
			this.out.write('>');
			this.inStartTag = false;
		}
	}

	private void writeNumber(double value) throws IOException {
		StringBuilder sb = new StringBuilder(12);
		appendNumber(sb, value);
		this.out.append(sb);
	}

	/**
	 * Appends a number as {@link #attr(String, double)} writes it (two decimals at most,
	 * no trailing zeros), for attributes that hold lists of numbers such as a path's
	 * {@code d}.
	 * @throws IllegalArgumentException if the value is NaN or infinite
	 */
	public static StringBuilder appendNumber(StringBuilder sb, double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("an SVG number must be finite, not " + value);
		}
		long hundredths = Math.round(value * 100.0);
		if (hundredths < 0) {
			sb.append('-');
			hundredths = -hundredths;
		}
		sb.append(hundredths / 100);
		int fraction = (int) (hundredths % 100);
		if (fraction != 0) {
			sb.append('.').append((char) ('0' + fraction / 10));
			if (fraction % 10 != 0) {
				sb.append((char) ('0' + fraction % 10));
			}
		}
		return sb;
	}

	private void escape(String s, boolean attribute) throws IOException {
		int n = s.length();
		int clean = 0;
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			String replacement;
			if (c == '&') {
				replacement = "&amp;";
			}
			else if (c == '<') {
				replacement = "&lt;";
			}
			else if (c == '>') {
				replacement = "&gt;";
			}
			else if (c == '"' && attribute) {
				replacement = "&quot;";
			}
			else if (c == '\r') {
				replacement = "&#13;";
			}
			else if ((c == '\n' || c == '\t') && attribute) {
				replacement = (c == '\n') ? "&#10;" : "&#9;";
			}
			else if (c < 0x20 && c != '\n' && c != '\t') {
				replacement = "\uFFFD";
			}
			else if (Character.isHighSurrogate(c)) {
				if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
					i++;
					continue;
				}
				replacement = "\uFFFD";
			}
			else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
				replacement = "\uFFFD";
			}
			else {
				continue;
			}
			this.out.write(s, clean, i - clean);
			this.out.write(replacement);
			clean = i + 1;
		}
		this.out.write(s, clean, n - clean);
	}

	private static void checkName(String name) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("an XML name must not be empty");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
			boolean other = (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':';
			if (!letter && (i == 0 || !other)) {
				throw new IllegalArgumentException("not a plain XML name: '" + name + "'");
			}
		}
	}

}

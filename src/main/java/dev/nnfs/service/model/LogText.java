package dev.nnfs.service.model;

/**
 * Text from files and loaders made safe for one log line: control, format (bidi) and
 * line-separator characters escaped as {@code \\uXXXX}, and clipped.
 */
final class LogText {

	static final int MAX_LENGTH = 300;

	private LogText() {
	}

	static String escape(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder escaped = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
		for (int i = 0; i < text.length() && escaped.length() < MAX_LENGTH; i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				escaped.append("\\\\");
			}
			else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
					|| Character.getType(c) == Character.FORMAT) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		if (escaped.length() >= MAX_LENGTH && text.length() > MAX_LENGTH) {
			escaped.append('\u2026');
		}
		return escaped.toString();
	}

}

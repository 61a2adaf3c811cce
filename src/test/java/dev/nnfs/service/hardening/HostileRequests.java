package dev.nnfs.service.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated hostile requests for every endpoint, from jqwik's generators and the
 * {@link Random} jqwik hands to {@code Arbitraries.randomValue}, so jqwik's reported seed
 * replays a run. Each request is one of: random JSON, a mutated valid request, a valid
 * request with a huge or non-finite number, deep nesting, long strings, wrong types, a
 * truncated body, invalid UTF-8, a wrong content type, or a fuzzed path or query.
 */
final class HostileRequests {

	/** One generated request: what kind it is, and enough to send it. */
	record Request(String kind, String method, String path, String contentType, byte[] body) {

		String describe() {
			String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
			if (text.length() > 300) {
				text = text.substring(0, 300) + "... (" + body.length + " bytes)";
			}
			return kind + ": " + method + " " + path + " [" + contentType + "] " + text;
		}

	}

	static final List<String> ACTIVATIONS = List.of("step", "linear", "sigmoid", "relu", "softmax", "tanh",
			"leaky_relu", "elu", "gelu", "softplus", "silu", "log_softmax");

	static final List<String> VALID_BODIES = List.of("{\"inputs\": [[1, 2, 3], [-1, -2, -3]]}",
			"{\"inputs\": [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]}",
			"{\"inputs\": [[-2, 0.5]], \"params\": {\"alpha\": 0.1}}", "{\"inputs\": [[1000, 1001], [-1e30, 3.4e38]]}",
			"{\"seed\": 0, \"spiral\": {\"samples\": 10, \"classes\": 3}, \"layers\": [{\"type\": \"dense\", \"neurons\": 3},"
					+ " {\"type\": \"activation\", \"name\": \"relu\"}, {\"type\": \"dense\", \"neurons\": 3},"
					+ " {\"type\": \"activation\", \"name\": \"softmax\"}], \"returnLayers\": true}",
			"{\"inputs\": [[1, 2], [-1, 0.5]], \"layers\": [{\"type\": \"dense\", \"neurons\": 2, \"weights\": [[0.5, -1],"
					+ " [0.25, 1]], \"biases\": [0.1, 0]}, {\"type\": \"activation\", \"name\": \"softmax\"}], \"labels\": [0, 1]}",
			"{\"seed\": 3, \"skip\": 5, \"inputs\": [[0.5, -0.25, 2]], \"layers\": [{\"type\": \"dense\", \"neurons\": 4,"
					+ " \"inputs\": 3, \"weightScale\": 0.5}, {\"type\": \"activation\", \"name\": \"elu\", \"params\":"
					+ " {\"alpha\": 0.5}}], \"labels\": [[0, 1, 0, 0]], \"returnLayers\": \"all\"}");

	private static final List<String> FIELD_NAMES = List.of("inputs", "params", "alpha", "seed", "skip", "spiral",
			"samples", "classes", "layers", "type", "neurons", "weights", "biases", "name", "labels", "returnLayers",
			"weightScale", "dense", "activation");

	private static final List<String> ODD_NUMBERS = List.of("1e39", "-1e39", "1e400", "-1e400", "1e-400", "4e-46",
			"3.4028235e38", "3.4028236e38", "-3.4028235E+38", "340282356779733661637539395458142568448",
			"123456789012345678901234567890123456789012345678901234567890123456789",
			"0.000000000000000000000000000000000000000000001", "-0", "-0.0", "1E+2", "9223372036854775808",
			"-9223372036854775809", "4294967296", "1.5", "01", "1.", ".5", "+1", "0x10", "NaN", "-NaN", "Infinity",
			"-Infinity", "inf", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"nan\"", "\"inf\"", "\"1e39\"", "\"1\"",
			"true", "null", "[]", "{}", "[[]]", "[1e39]");

	private static final List<String> TOKENS = List.of(",", "]", "}", "[", "{", "\"", ":", "null", "true", "1e39",
			"\"NaN\"", "NaN", "-", "e", ".", "\\", "\\u0000", "\u0000", "\u00ff", "\ud83d\ude00", " ", "\n", "//", "/*",
			"'", "[[[[", "}}}}", "\"inputs\": [[1]],", "\"inputs\":");

	private static final List<byte[]> BAD_UTF8 = List.of(new byte[] { (byte) 0xff },
			new byte[] { (byte) 0xc0, (byte) 0x80 }, new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 },
			new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xe2, (byte) 0x82 },
			new byte[] { (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
			new byte[] { (byte) 0xfe, (byte) 0xff }, new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf });

	private final Random random;

	private final Arbitrary<String> json = jsonValue(4);

	HostileRequests(Random random) {
		this.random = random;
	}

	/** Hostile requests as a jqwik arbitrary. */
	static Arbitrary<Request> arbitrary() {
		return Arbitraries.randomValue((random) -> new HostileRequests(random).next());
	}

	private <T> T sample(Arbitrary<T> arbitrary) {
		return arbitrary.generator(1000).next(random).value();
	}

	private <T> T pick(List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	Request next() {
		int kind = random.nextInt(100);
		if (kind < 12) {
			return post("random-json", sample(json));
		}
		if (kind < 32) {
			return post("mutated", mutate(pick(VALID_BODIES)));
		}
		if (kind < 44) {
			return post("odd-number", replaceNumber(pick(VALID_BODIES), pick(ODD_NUMBERS)));
		}
		if (kind < 50) {
			return post("deep-nesting", deepNesting());
		}
		if (kind < 56) {
			return post("long-string", longString());
		}
		if (kind < 66) {
			return post("wrong-type", replaceValue(pick(VALID_BODIES), sample(json)));
		}
		if (kind < 72) {
			String valid = pick(VALID_BODIES);
			return post("truncated", valid.substring(0, random.nextInt(valid.length())));
		}
		if (kind < 80) {
			return invalidUtf8();
		}
		if (kind < 84) {
			Request r = post("content-type", pick(VALID_BODIES));
			String type = pick(List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
					"application/json; charset=UTF-16", "multipart/form-data; boundary=x", "*/*",
					"application/x-www-form-urlencoded"));
			return new Request(r.kind(), r.method(), r.path(), type, r.body());
		}
		if (kind < 94) {
			return spiralQuery();
		}
		return oddRoute();
	}

	private Request post(String kind, String body) {
		return post(kind, body.getBytes(StandardCharsets.UTF_8));
	}

	private Request post(String kind, byte[] body) {
		String path = random.nextInt(3) == 0 ? "/network/forward" : "/activations/" + activationName();
		return new Request(kind, "POST", path, "application/json", body);
	}

	private String activationName() {
		int k = random.nextInt(20);
		if (k < 16) {
			return pick(ACTIVATIONS);
		}
		return pick(List.of("Softmax", "relu%20", "swish2", "RELU", "soft%20max", "%2e%2e", "relu;x=1", "a".repeat(300),
				"%00", "%E2%82%AC", "log_softmax%2F"));
	}

	private String mutate(String valid) {
		StringBuilder s = new StringBuilder(valid);
		int edits = 1 + random.nextInt(4);
		for (int i = 0; i < edits && s.length() > 0; i++) {
			int at = random.nextInt(s.length());
			switch (random.nextInt(5)) {
				case 0 -> s.deleteCharAt(at);
				case 1 -> s.insert(at, pick(TOKENS));
				case 2 -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
				case 3 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(12)));
				default -> {
					int from = random.nextInt(s.length());
					int to = Math.min(s.length(), from + random.nextInt(20));
					s.insert(at, s.substring(from, to));
				}
			}
		}
		return s.toString();
	}

	/**
	 * Replaces one number literal of a valid body with another (possibly not a number at
	 * all).
	 */
	private String replaceNumber(String valid, String replacement) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(valid);
		List<int[]> spans = new java.util.ArrayList<>();
		while (m.find()) {
			spans.add(new int[] { m.start(), m.end() });
		}
		int[] span = pick(spans);
		return valid.substring(0, span[0]) + replacement + valid.substring(span[1]);
	}

	/** Replaces the value of one field of a valid body with random JSON of any type. */
	private String replaceValue(String valid, String value) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\w+)\": ").matcher(valid);
		List<Integer> starts = new java.util.ArrayList<>();
		while (m.find()) {
			starts.add(m.end());
		}
		int start = pick(starts);
		int end = endOfValue(valid, start);
		return valid.substring(0, start) + value + valid.substring(end);
	}

	private static int endOfValue(String s, int start) {
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < s.length(); i++) {
			char c = s.charAt(i);
			if (inString) {
				inString = c != '"';
				continue;
			}
			if (c == '"') {
				inString = true;
			}
			else if (c == '[' || c == '{') {
				depth++;
			}
			else if (c == ']' || c == '}') {
				if (depth == 0) {
					return i;
				}
				depth--;
			}
			else if (c == ',' && depth == 0) {
				return i;
			}
		}
		return s.length();
	}

	private String deepNesting() {
		int depth = pick(List.of(3, 5, 17, 100, 1000, 5000, 20000));
		String open = random.nextBoolean() ? "[" : "{\"a\":";
		String close = open.equals("[") ? "]" : "}";
		String inner = open.repeat(depth) + "1" + close.repeat(depth);
		return switch (random.nextInt(3)) {
			case 0 -> "{\"inputs\": " + inner + "}";
			case 1 -> inner;
			default -> "{\"inputs\": [[1]], \"params\": " + inner + "}";
		};
	}

	private String longString() {
		int length = pick(List.of(999, 1001, 5000, 100_000));
		String s = "x".repeat(length);
		return switch (random.nextInt(4)) {
			case 0 -> "{\"inputs\": [[1]], \"params\": {\"" + s + "\": 1}}";
			case 1 -> "{\"inputs\": [[\"" + s + "\"]]}";
			case 2 -> "{\"inputs\": [[1, 2]], \"layers\": [{\"type\": \"activation\", \"name\": \"" + s + "\"}]}";
			default -> "{\"inputs\": [[1" + "0".repeat(length) + "]]}";
		};
	}

	private Request invalidUtf8() {
		byte[] valid = pick(VALID_BODIES).getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = random.nextInt(valid.length + 1);
		out.write(valid, 0, at);
		out.writeBytes(pick(BAD_UTF8));
		if (random.nextBoolean()) {
			out.write(valid, at, valid.length - at);
		}
		return post("invalid-utf8", out.toByteArray());
	}

	private Request spiralQuery() {
		StringBuilder q = new StringBuilder("/spiral?");
		List<String> names = List.of("samples", "classes", "seed", "skip", "format", "samples", "x");
		int n = 1 + random.nextInt(4);
		for (int i = 0; i < n; i++) {
			if (i > 0) {
				q.append('&');
			}
			q.append(pick(names)).append('=').append(queryValue());
		}
		return new Request("spiral-query", "GET", q.toString(), null, null);
	}

	private String queryValue() {
		return switch (random.nextInt(6)) {
			case 0 -> Integer.toString(random.nextInt(60));
			case 1 -> Integer.toString(-random.nextInt(1000));
			case 2 -> pick(List.of("99999999999999999999", "2147483648", "4294967295", "4294967296", "1e3", "1.5",
					"0x10", "", "%20", "abc", "NaN", "Infinity", "100000001", "1000001", "json", "csv", "svg", "xml",
					"%00", "%FF", "%E2%82%AC", "--1", "+5"));
			case 3 -> Integer.toString(random.nextInt(200_000));
			default -> Integer.toString(1 + random.nextInt(30));
		};
	}

	private Request oddRoute() {
		return switch (random.nextInt(6)) {
			case 0 -> new Request("odd-route", "GET", "/network/forward", null, null);
			case 1 ->
				new Request("odd-route", "POST", "/spiral", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
			case 2 -> new Request("odd-route", "PUT", "/activations/relu", "application/json",
					pick(VALID_BODIES).getBytes(StandardCharsets.UTF_8));
			case 3 -> new Request("odd-route", "GET", "/activations", null, null);
			case 4 -> new Request("odd-route", "POST", "/activations", "application/json",
					pick(VALID_BODIES).getBytes(StandardCharsets.UTF_8));
			default -> new Request("odd-route", "GET", "/" + pick(List.of("actuator/env", "actuator/heapdump",
					"actuator/beans", "error", "network", "activations/relu/x", "..%2f..%2fetc/passwd")), null, null);
		};
	}

	private Arbitrary<String> jsonValue(int depth) {
		Arbitrary<String> scalar = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
				Arbitraries.doubles().map(String::valueOf), Arbitraries.floats().map(String::valueOf),
				Arbitraries.of(ODD_NUMBERS), Arbitraries.strings().all().ofMaxLength(20).map(HostileRequests::quote),
				Arbitraries.of("true", "false", "null"));
		if (depth == 0) {
			return scalar;
		}
		Arbitrary<String> inner = Arbitraries.lazy(() -> jsonValue(depth - 1));
		Arbitrary<String> array = inner.list().ofMaxSize(6).map((items) -> "[" + String.join(",", items) + "]");
		Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(FIELD_NAMES),
				Arbitraries.strings().all().ofMaxLength(12));
		Arbitrary<String> member = Combinators.combine(key, inner).as((k, v) -> quote(k) + ":" + v);
		Arbitrary<String> object = member.list().ofMaxSize(6).map((items) -> "{" + String.join(",", items) + "}");
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(2, array),
				net.jqwik.api.Tuple.of(3, object));
	}

	/**
	 * A JSON string literal; lone surrogates from the generator stay in and become
	 * invalid UTF-8 on the wire.
	 */
	static String quote(String s) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			if (c == '"' || c == '\\') {
				sb.append('\\').append(c);
			}
			else if (c < 0x20) {
				sb.append(String.format("\\u%04x", (int) c));
			}
			else {
				sb.append(c);
			}
		}
		return sb.append('"').toString();
	}

}

package dev.nnfs.service.tensor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.Violations;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a request body straight from the token stream into typed values, recording every
 * mistake ({@link Violations}, each with its JSON Pointer) and carrying on past it, so
 * that one answer lists all of them. This is the one place where a body's field names and
 * JSON types are checked: an unknown field, a string where a number belongs, {@code 2.5}
 * where an integer belongs, are each one violation, and the value is skipped.
 *
 * <p>
 * Each {@code read} method expects the parser on the value's first token and leaves it on
 * the value's last token, as Jackson's deserializers do. A {@code null} value reads as
 * absent (as an optional field left out); required fields are the caller's to check.
 * Structural failures of the JSON itself (truncated, malformed) and resource limits are
 * not recovered from: they end the reading with their own exception.
 */
public final class JsonBody {

	private final JsonParser p;

	private final DeserializationContext ctxt;

	private final Violations violations;

	public JsonBody(JsonParser p, DeserializationContext ctxt, Violations violations) {
		this.p = p;
		this.ctxt = ctxt;
		this.violations = violations;
	}

	public Violations violations() {
		return violations;
	}

	/** Reads one field's value; the parser is on the value's first token. */
	@FunctionalInterface
	public interface FieldReader {

		void read(String name, String pointer);

	}

	/**
	 * Reads the object the parser is on, handing each field in {@code known} to
	 * {@code fields} and recording each other one as unknown.
	 * @param what how the object is called in messages ("the body", "a layer")
	 * @return false (and a violation) when the value is not an object
	 */
	public boolean object(String at, String what, Collection<String> known, FieldReader fields) {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return false;
		}
		if (t != JsonToken.START_OBJECT) {
			mismatch(at, what + " must be a JSON object");
			return false;
		}
		for (t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
			String name = p.currentName();
			String pointer = at + "/" + escape(name);
			p.nextToken();
			if (known.contains(name)) {
				fields.read(name, pointer);
			}
			else {
				violations.at(pointer,
						"unknown field '" + quote(name) + "'; known fields: " + String.join(", ", known));
				p.skipChildren();
			}
		}
		return true;
	}

	/**
	 * A whole number: {@code 3}, also written {@code 3.0} or {@code 3e0}, but not
	 * {@code 2.5}. Magnitudes beyond {@code long} read as {@link Long#MAX_VALUE} or
	 * {@link Long#MIN_VALUE}, so that the caller's range check reports them.
	 */
	public Long integer(String at) {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t == JsonToken.VALUE_NUMBER_INT) {
			return switch (p.getNumberType()) {
				case INT, LONG -> p.getLongValue();
				default -> p.getBigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
			};
		}
		if (t == JsonToken.VALUE_NUMBER_FLOAT) {
			BigDecimal d = p.getDecimalValue();
			if (d.signum() == 0) {
				return 0L;
			}
			if (d.stripTrailingZeros().scale() > 0) {
				violations.at(at, "must be an integer, not " + Violations.clip(p.getString()));
				return null;
			}
			return d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE
					: d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 ? Long.MIN_VALUE : d.longValueExact();
		}
		mismatch(at, "must be an integer");
		return null;
	}

	/** A finite number. */
	public Double number(String at) {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
			double d = p.getDoubleValue();
			if (!Double.isFinite(d)) {
				violations.at(at, "must be a finite number, not " + Violations.clip(p.getString()));
				return null;
			}
			return d;
		}
		mismatch(at, "must be a number");
		return null;
	}

	public String string(String at) {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t == JsonToken.VALUE_STRING) {
			return p.getString();
		}
		mismatch(at, "must be a string");
		return null;
	}

	/**
	 * {@code true}, {@code false}, or one of the given strings: the JSON value as Boolean
	 * or String.
	 */
	public Object booleanOr(String at, List<String> words) {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
			return t == JsonToken.VALUE_TRUE;
		}
		if (t == JsonToken.VALUE_STRING && words.contains(p.getString())) {
			return p.getString();
		}
		String expected = "must be true, false or "
				+ String.join(" or ", words.stream().map((w) -> "\"" + w + "\"").toList());
		if (t == JsonToken.VALUE_STRING) {
			violations.at(at, expected + ", not \"" + quote(p.getString()) + "\"");
		}
		else {
			mismatch(at, expected);
		}
		return null;
	}

	/** An object of names to finite numbers, in the order given. */
	public Map<String, Double> numbers(String at) {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t != JsonToken.START_OBJECT) {
			mismatch(at, "must be an object of names to numbers");
			return null;
		}
		Map<String, Double> map = new LinkedHashMap<>();
		for (t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
			String name = p.currentName();
			String pointer = at + "/" + escape(name);
			p.nextToken();
			Double value = number(pointer);
			if (value != null) {
				map.put(name, value);
			}
		}
		return map;
	}

	/** An array whose elements {@code element} reads, given each element's pointer. */
	public <T> List<T> list(String at, Function<String, T> element) {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t != JsonToken.START_ARRAY) {
			mismatch(at, "must be an array");
			return null;
		}
		List<T> list = new ArrayList<>();
		for (t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
			list.add(element.apply(at + "/" + list.size()));
		}
		return list;
	}

	/**
	 * A batch of numbers ({@link BatchDeserializer}): the first mistake inside it is
	 * recorded and the rest of the array skipped.
	 */
	public DoubleBatch batch(String at) {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t != JsonToken.START_ARRAY) {
			mismatch(at, "must be an array of numbers or an array of rows");
			return null;
		}
		int depth = p.streamReadContext().getNestingDepth();
		try {
			ValueDeserializer<Object> batches = ctxt.findRootValueDeserializer(ctxt.constructType(DoubleBatch.class));
			return (DoubleBatch) batches.deserialize(p, ctxt);
		}
		catch (InvalidInputException ex) {
			violations.addAll(ex.violations());
			skipToEndOfArray(depth);
			return null;
		}
	}

	/** Moves on to the END_ARRAY that closes the array opened at {@code depth}. */
	private void skipToEndOfArray(int depth) {
		JsonToken t = p.currentToken();
		while (t != null) {
			if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
				if (p.streamReadContext().getNestingDepth() > depth) {
					p.skipChildren();
				}
			}
			else if (t == JsonToken.END_ARRAY && p.streamReadContext().getNestingDepth() == depth - 1) {
				return;
			}
			t = p.nextToken();
		}
	}

	/** Records that the value at {@code at} has the wrong JSON type, and skips it. */
	private void mismatch(String at, String expected) {
		violations.at(at, expected + ", not " + describe(p.currentToken()));
		p.skipChildren();
	}

	private String describe(JsonToken t) {
		if (t == null) {
			return "the end of the document";
		}
		return switch (t) {
			case VALUE_STRING -> "the string \"" + quote(p.getString()) + "\"";
			case VALUE_NULL -> "null";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + Violations.clip(p.getString());
			default -> "a " + t.name().toLowerCase(java.util.Locale.ROOT);
		};
	}

	/** A client's text quoted back: clipped, control characters escaped. */
	public static String quote(String raw) {
		String s = Violations.clip(raw);
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** One reference token of a JSON Pointer (RFC 6901). */
	public static String escape(String name) {
		return name.replace("~", "~0").replace("/", "~1");
	}

}

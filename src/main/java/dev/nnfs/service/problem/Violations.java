package dev.nnfs.service.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every mistake found in one request, so that a client hears of all of them at
 * once rather than one per round trip. Readers and validators add to it and carry on; the
 * request is refused with {@link #throwIfAny()} once the whole body has been looked at.
 */
public final class Violations {

	/**
	 * Most mistakes listed in one answer; a body wrong in every row is not answered row
	 * by row.
	 */
	static final int MAX_LISTED = 100;

	private final List<Violation> list = new ArrayList<>();

	private int unlisted;

	/** Longest piece of a client's text quoted back in a message. */
	public static final int QUOTE_LENGTH = 40;

	/**
	 * A client's text as a message quotes it: its first {@link #QUOTE_LENGTH} characters.
	 */
	public static String clip(String raw) {
		return raw.length() <= QUOTE_LENGTH ? raw : raw.substring(0, QUOTE_LENGTH) + "\u2026";
	}

	/** A mistake at a JSON Pointer into the body ({@code ""} is the body itself). */
	public void at(String pointer, String message) {
		add(Violation.at(pointer, message));
	}

	/** A mistake in a query or path parameter. */
	public void parameter(String name, String message) {
		add(Violation.parameter(name, message));
	}

	public void addAll(List<Violation> violations) {
		violations.forEach(this::add);
	}

	private void add(Violation violation) {
		if (list.size() < MAX_LISTED) {
			list.add(violation);
		}
		else {
			unlisted++;
		}
	}

	/**
	 * Whether a mistake is recorded at {@code pointer} or inside it: a reader that could
	 * not read a field has already said so, and a later check need not say it again.
	 */
	public boolean covers(String pointer) {
		return list.stream()
			.anyMatch((v) -> v.pointer() != null
					&& (v.pointer().equals(pointer) || v.pointer().startsWith(pointer + "/")));
	}

	public boolean isEmpty() {
		return list.isEmpty();
	}

	/** How many mistakes are recorded: lets a validator tell whether a step added any. */
	public int size() {
		return list.size() + unlisted;
	}

	public List<Violation> list() {
		return List.copyOf(list);
	}

	/**
	 * @throws InvalidInputException listing every recorded mistake, if there is any
	 */
	public void throwIfAny() {
		if (!list.isEmpty()) {
			List<Violation> all = new ArrayList<>(list);
			if (unlisted > 0) {
				all.add(Violation.at("", unlisted + " more mistakes of the same kind are not listed"));
			}
			throw new InvalidInputException(all);
		}
	}

}

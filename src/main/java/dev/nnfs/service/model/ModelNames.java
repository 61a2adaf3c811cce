package dev.nnfs.service.model;

import java.util.regex.Pattern;

/**
 * The names and version numbers the repository accepts. A name is checked before any path
 * is built from it.
 * <p>
 * Names are {@code [A-Za-z0-9][A-Za-z0-9_.-]{0,63}} (ASCII only, case-sensitive). Dots
 * are allowed, but the first character must be a letter or digit, so {@code .},
 * {@code ..} and every name made only of dots are refused, as are names starting with a
 * dot (hidden files, and the store's own temporary entries, which start with one).
 * {@link #isValid(String)} also refuses an all-dots name explicitly, so the rule holds
 * even if the pattern is ever relaxed.
 * <p>
 * Versions are positive integers written without leading zeros: the directory names
 * {@code 1} to {@code 999999999}.
 */
public final class ModelNames {

	/** Longest name. */
	public static final int MAX_LENGTH = 64;

	/** Highest version number. */
	public static final int MAX_VERSION = 999_999_999;

	/** The rule, in words, for messages. */
	public static final String RULE = "a model name is 1 to 64 ASCII letters, digits, '_', '.' or '-', "
			+ "starting with a letter or digit";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

	private ModelNames() {
	}

	/** Whether {@code name} is a valid model name ({@code null} is not). */
	public static boolean isValid(String name) {
		return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && NAME.matcher(name).matches()
				&& !allDots(name);
	}

	/**
	 * Checks a name.
	 * @throws InvalidModelNameException if it is not valid
	 */
	public static String check(String name) {
		if (!isValid(name)) {
			throw new InvalidModelNameException();
		}
		return name;
	}

	/** Whether {@code version} is a version number the repository can hold. */
	public static boolean isValidVersion(int version) {
		return version >= 1 && version <= MAX_VERSION;
	}

	/** The version a directory name stands for, or {@code -1} if it is not a version. */
	static int parseVersion(String directoryName) {
		return VERSION.matcher(directoryName).matches() ? Integer.parseInt(directoryName) : -1;
	}

	private static boolean allDots(String name) {
		return name.chars().allMatch((c) -> c == '.');
	}

}

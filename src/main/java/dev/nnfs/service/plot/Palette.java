package dev.nnfs.service.plot;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A categorical palette: one colour per class, repeating after the last one.
 *
 * @param name a name for documentation and debugging
 * @param colours {@code #rrggbb} colours, in the order classes get them
 */
public record Palette(String name, List<String> colours) {

	private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

	/**
	 * Okabe &amp; Ito's colour-blind-safe palette, ordered for small marks on white:
	 * blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black.
	 */
	public static final Palette OKABE_ITO = new Palette("Okabe-Ito",
			List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"));

	/** Tableau 10, the default categorical palette of Tableau and Vega. */
	public static final Palette TABLEAU_10 = new Palette("Tableau 10", List.of("#4E79A7", "#F28E2B", "#E15759",
			"#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"));

	public Palette {
		colours = List.copyOf(colours);
		if (colours.isEmpty()) {
			throw new IllegalArgumentException("a palette needs at least one colour");
		}
		for (String c : colours) {
			if (!HEX.matcher(c).matches()) {
				throw new IllegalArgumentException("colours are #rrggbb, not '" + c + "'");
			}
		}
	}

	/**
	 * The colour of class {@code category}; classes beyond the palette's size reuse its
	 * colours in order.
	 */
	public String colour(int category) {
		return this.colours.get(Math.floorMod(category, this.colours.size()));
	}

	public int size() {
		return this.colours.size();
	}

}

/**
 * Charts as SVG, streamed, without Spring: a {@link dev.nnfs.service.plot.Chart} (canvas,
 * title, axes with ticks and grid, legend) holds {@link dev.nnfs.service.plot.Layer
 * layers} that draw inside its {@link dev.nnfs.service.plot.PlotArea}, and everything is
 * written through {@link dev.nnfs.service.plot.SvgWriter}, which escapes text and
 * attributes.
 *
 * <p>
 * Layers so far: {@link dev.nnfs.service.plot.ScatterLayer} (points coloured by class,
 * with a {@link dev.nnfs.service.plot.Palette}). The interface is meant for more:
 * <ul>
 * <li>a curve layer (an activation function over an x range): one {@code <path>} or
 * {@code <polyline>} per series through {@code area.px/py}, its legend entry a
 * {@link dev.nnfs.service.plot.LegendEntry.Mark#LINE LINE};</li>
 * <li>a decision-region layer (the predicted class on a grid): one {@code <rect>} per
 * cell (or per run of equal cells in a row) filled with the palette's colour at low
 * opacity, drawn before a scatter layer of the data, its legend entries
 * {@link dev.nnfs.service.plot.LegendEntry.Mark#SWATCH SWATCH}es.</li>
 * </ul>
 */
package dev.nnfs.service.plot;

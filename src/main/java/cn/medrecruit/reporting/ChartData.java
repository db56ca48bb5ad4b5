package cn.medrecruit.reporting;

import java.util.List;
import java.util.Objects;

/**
 * What a chart shows, drawn by {@code fragments/charts :: chart}: labels along the axis (or the funnel's steps) and one
 * or more series of numbers, one number per label. Labels and series names are display texts, already translated.
 *
 * @param stacked for bars, whether the series stack on each other (e.g. filled and remaining places)
 */
public record ChartData(Type type, List<String> labels, List<Series> series, boolean stacked) {

	public enum Type {
		BAR, FUNNEL
	}

	/** @param values one per label, in the labels' order */
	public record Series(String name, List<? extends Number> values) {

		public Series {
			Objects.requireNonNull(name, "name");
			values = List.copyOf(values);
		}
	}

	public ChartData {
		Objects.requireNonNull(type, "type");
		labels = List.copyOf(labels);
		series = List.copyOf(series);
		if (series.isEmpty()) {
			throw new IllegalArgumentException("a chart has at least one series");
		}
		for (Series one : series) {
			if (one.values().size() != labels.size()) {
				throw new IllegalArgumentException("series '" + one.name() + "' has " + one.values().size()
						+ " values for " + labels.size() + " labels");
			}
		}
		if (type == Type.FUNNEL && series.size() != 1) {
			throw new IllegalArgumentException("a funnel has one series");
		}
	}

	/** Bars side by side, one group per label. */
	public static ChartData bars(List<String> labels, Series... series) {
		return new ChartData(Type.BAR, labels, List.of(series), false);
	}

	/** Bars stacked on each other, one bar per label. */
	public static ChartData stackedBars(List<String> labels, Series... series) {
		return new ChartData(Type.BAR, labels, List.of(series), true);
	}

	/** A funnel whose steps are the labels, widest first. */
	public static ChartData funnel(String name, List<String> steps, List<? extends Number> values) {
		return new ChartData(Type.FUNNEL, steps, List.of(new Series(name, values)), false);
	}
}

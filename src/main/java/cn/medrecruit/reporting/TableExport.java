package cn.medrecruit.reporting;

import java.util.List;
import java.util.Objects;

/**
 * What an exported list looks like: defined once per list, next to the list's query.
 *
 * @param list a short name of the list for the audit log, e.g. {@code staff-accounts}, {@code roster}
 * @param titleKey message key of the list's title: the sheet's name and the start of the file name
 * @param columns the columns in order
 */
public record TableExport<R>(String list, String titleKey, List<ExportColumn<R>> columns) {

	public TableExport {
		Objects.requireNonNull(list, "list");
		Objects.requireNonNull(titleKey, "titleKey");
		if (!list.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("list names are lower-case words joined by '-': " + list);
		}
		columns = List.copyOf(columns);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("an export has at least one column");
		}
	}

	@SafeVarargs
	public static <R> TableExport<R> of(String list, String titleKey, ExportColumn<R>... columns) {
		return new TableExport<>(list, titleKey, List.of(columns));
	}
}

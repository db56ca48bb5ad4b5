package cn.medrecruit.reporting;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of an exported table: its header (a message key) and how to read its cell from a row.
 *
 * @param headerKey message key of the column header
 * @param kind how the value is written
 * @param value the cell of a row: for {@link Kind#VALUE} a string, number, boolean, date or time (written as text in
 *     the list's format); for {@link Kind#MESSAGE} a message key or a collection of message keys; for the personal
 *     kinds the number in full
 * @param masked for the personal kinds, the masked number when the row already holds it (so the full number is not
 *     read at all for a masked export); {@code null} to mask {@code value} with {@link cn.medrecruit.shared.Masking}
 */
public record ExportColumn<R>(String headerKey, Kind kind, Function<? super R, ?> value,
		Function<? super R, String> masked) {

	public enum Kind {
		VALUE, MESSAGE, ID_NUMBER, PHONE
	}

	public ExportColumn {
		Objects.requireNonNull(headerKey, "headerKey");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(value, "value");
		if (masked != null && kind != Kind.ID_NUMBER && kind != Kind.PHONE) {
			throw new IllegalArgumentException("only ID number and phone columns are masked");
		}
	}

	/** A plain cell. */
	public static <R> ExportColumn<R> value(String headerKey, Function<? super R, ?> value) {
		return new ExportColumn<>(headerKey, Kind.VALUE, value, null);
	}

	/** A cell whose text is a message key (or a collection of keys, joined), e.g. a status or roles. */
	public static <R> ExportColumn<R> message(String headerKey, Function<? super R, ?> messageKey) {
		return new ExportColumn<>(headerKey, Kind.MESSAGE, messageKey, null);
	}

	/** An ID number given in full, masked unless the export discloses personal numbers. */
	public static <R> ExportColumn<R> idNumber(String headerKey, Function<? super R, String> full) {
		return new ExportColumn<>(headerKey, Kind.ID_NUMBER, full, null);
	}

	/** An ID number, read in full only when disclosed; otherwise its stored masked copy is written. */
	public static <R> ExportColumn<R> idNumber(String headerKey, Function<? super R, String> full,
			Function<? super R, String> masked) {
		return new ExportColumn<>(headerKey, Kind.ID_NUMBER, full, Objects.requireNonNull(masked, "masked"));
	}

	/** A phone number given in full, masked unless the export discloses personal numbers. */
	public static <R> ExportColumn<R> phone(String headerKey, Function<? super R, String> full) {
		return new ExportColumn<>(headerKey, Kind.PHONE, full, null);
	}

	/** A phone number, read in full only when disclosed; otherwise its stored masked copy is written. */
	public static <R> ExportColumn<R> phone(String headerKey, Function<? super R, String> full,
			Function<? super R, String> masked) {
		return new ExportColumn<>(headerKey, Kind.PHONE, full, Objects.requireNonNull(masked, "masked"));
	}

	boolean personal() {
		return kind == Kind.ID_NUMBER || kind == Kind.PHONE;
	}
}

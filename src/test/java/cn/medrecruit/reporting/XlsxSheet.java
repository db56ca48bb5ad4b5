package cn.medrecruit.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** The first sheet of an exported .xlsx read back as text, for tests of any list's export. */
public record XlsxSheet(String name, List<String> header, List<List<String>> rows) {

	public static XlsxSheet read(byte[] xlsx) {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getFirstSheet();
			List<List<String>> all = new ArrayList<>();
			for (Row row : sheet.read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : cell.getText());
				}
				all.add(cells);
			}
			return new XlsxSheet(sheet.getName(), all.isEmpty() ? List.of() : all.get(0),
					all.isEmpty() ? List.of() : all.subList(1, all.size()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The cells of one column, by its header text. */
	public List<String> column(String headerText) {
		int index = header.indexOf(headerText);
		if (index < 0) {
			throw new IllegalArgumentException("no column " + headerText + " in " + header);
		}
		return rows.stream().map(row -> index < row.size() ? row.get(index) : "").toList();
	}
}

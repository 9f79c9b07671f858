package dev.platformmaturity.shared;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The one writer of CSV files for spreadsheets; every export uses it. UTF-8 with a
 * byte-order mark (so spreadsheet programs show Chinese correctly), quoted by Commons CSV
 * (separators, quotes and line breaks inside a cell), written row by row.
 * <p>
 * A spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -} or {@code @}
 * as a formula, and tab or carriage return can hide such a start. Following the OWASP
 * guidance on CSV injection, every text cell that starts with one of these gets a leading
 * {@code '}, so it opens as the text it is. This applies to all text, names and comments
 * alike, even text that reads like a negative number: only numbers the application itself
 * puts in a cell ({@link Number} values, such as scores and counts) are written as they
 * are, since a number is data, not a formula.
 */
public final class CsvExport implements Closeable {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final CSVPrinter printer;

	private CsvExport(Writer writer, List<String> header) throws IOException {
		writer.write('\uFEFF');
		String[] names = header.stream().map(CsvExport::cell).toArray(String[]::new);
		this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(names).get());
	}

	/** Starts a CSV download named {@code fileName} with the given header line. */
	public static CsvExport download(HttpServletResponse response, String fileName, List<String> header)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		return new CsvExport(writer, header);
	}

	/** One line; {@code null} is an empty cell. */
	public void row(List<?> values) {
		List<String> cells = new ArrayList<>(values.size());
		values.forEach(value -> cells.add(cell(value)));
		try {
			printer.printRecord(cells);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/**
	 * A value as its cell text: numbers as written by the application, any other text
	 * safe from formulas.
	 */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number number) {
			return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
		}
		String text = value.toString();
		return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	@Override
	public void close() throws IOException {
		printer.close(true);
	}

}

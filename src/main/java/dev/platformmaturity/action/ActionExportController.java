package dev.platformmaturity.action;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.platformmaturity.team.Teams;

/**
 * Actions as CSV for platform leads, written like the dashboard's exports: UTF-8 with a byte-order mark (so
 * spreadsheet programs show Chinese correctly), by Commons CSV (quoting, line breaks inside notes), row by row.
 */
@Controller
class ActionExportController {

	private final ActionExport export;

	private final Teams teams;

	ActionExportController(ActionExport export, Teams teams) {
		this.export = export;
		this.teams = teams;
	}

	@GetMapping("/actions.csv")
	void actions(@RequestParam(required = false) Long group, HttpServletResponse response) throws IOException {
		if (group != null) {
			teams.group(group);
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("platform-maturity_actions.csv", StandardCharsets.UTF_8)
			.build()
			.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CSVPrinter csv = new CSVPrinter(writer,
				CSVFormat.DEFAULT.builder().setHeader(ActionExport.HEADER.toArray(String[]::new)).get())) {
			export.each(group, values -> {
				try {
					csv.printRecord(values);
				}
				catch (IOException failed) {
					throw new UncheckedIOException(failed);
				}
			});
		}
	}

}

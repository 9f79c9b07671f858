package dev.platformmaturity.action;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.platformmaturity.shared.CsvExport;
import dev.platformmaturity.team.Teams;

/** Actions as CSV for platform leads, through the one CSV writer, row by row. */
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
		try (CsvExport csv = CsvExport.download(response, "platform-maturity_actions.csv", ActionExport.HEADER)) {
			export.each(group, csv::row);
		}
	}

}

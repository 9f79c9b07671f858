package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bench.Format.fmt;
import static bench.Format.fmtInt;
import static bench.Format.heap;
import static bench.Format.kb;
import static bench.Format.log;
import static bench.Format.mb;
import static bench.Format.median;
import static bench.Format.ms;

/**
 * Scenarios 4 and 5: the team report as PDF against the same report as HTML, alternating; the organisation report at
 * every team count, and at the largest once more against the application started with a bounded heap.
 */
final class ReportScenarios {

	static final double GOAL_TEAM_PDF = 3;

	static final double GOAL_BOUNDED = 1.5;

	private final TeamRun run;

	ReportScenarios(TeamRun run) {
		this.run = run;
	}

	private String teamHtml() {
		return "/teams/" + Dataset.team(1) + "/assessments/" + run.data.openQuarter;
	}

	private String teamPdf() {
		return teamHtml() + "/report.pdf?lang=en";
	}

	/** The team's results page and its PDF, alternating: what runs before the first measured report. */
	private void warmUp(App app, Session member) throws Exception {
		for (int i = 0; i < run.options.reportWarmup(); i++) {
			member.get(teamHtml()).expect(200, "text/html");
			member.get(teamPdf()).expect(200, "application/pdf").expectPdf();
		}
		app.settle();
	}

	void teamReport() throws Exception {
		Options options = run.options;
		String html = teamHtml();
		String pdf = teamPdf();
		warmUp(run.app, run.member);
		Profiler.Recording recording = run.bench.profiler.start(run.app, "team-pdf-" + run.teams);
		long size = 0;
		List<Double> htmlTimes = new ArrayList<>();
		List<Double> pdfTimes = new ArrayList<>();
		Sampler sampler = new Sampler(run.bench, run.app);
		try {
			for (int i = 0; i < options.reportRequests(); i++) {
				sampler.phase("4 team results HTML");
				htmlTimes.add(run.member.get(html).expect(200, "text/html").millis());
				sampler.phase("4 team PDF");
				Response response = run.member.get(pdf).expect(200, "application/pdf").expectPdf();
				size = response.body().length;
				pdfTimes.add(response.millis());
			}
		}
		finally {
			run.report.usages.addAll(sampler.stop(run.teams).values());
			run.bench.profiler.stop(recording);
		}
		double ratio = median(pdfTimes) / median(htmlTimes);
		run.report.row("4", "Team PDF vs the same report as HTML (member, " + options.reportRequests()
				+ " of each, alternating)", run.teams, ms(median(pdfTimes)) + " (" + kb(size) + ")",
				ms(median(htmlTimes)), fmt(ratio, 2), "≤ " + fmt(GOAL_TEAM_PDF, 0),
				run.report.met(ratio <= GOAL_TEAM_PDF));
	}

	/** The figures of one organisation report with the default heap, for the bounded run's ratio and the growth. */
	record Organisation(double millis, double peakHeapMb) {
	}

	void organisationReport() throws Exception {
		run.bench.organisationReports.put(run.teams, organisationReport(run.app, run.lead, "5 organisation PDF",
				"Organisation PDF (lead)"));
	}

	void boundedOrganisationReport() throws Exception {
		String heap = "-Xmx" + run.options.boundedHeap;
		App small = App.start(run.bench, run.db, List.of(heap), "app-" + run.teams + "-bounded");
		try {
			Session lead = small.session(Dataset.LEAD);
			// The same warm-up as the default heap's report had before it (the team reports).
			warmUp(small, small.session(Dataset.MEMBER));
			Organisation bounded = organisationReport(small, lead, "5 organisation PDF " + heap,
					"Organisation PDF with " + heap + " (lead)");
			Organisation unbounded = run.bench.organisationReports.get(run.teams);
			if (unbounded != null) {
				double ratio = bounded.millis() / unbounded.millis();
				run.report.row("5", "Organisation PDF with " + heap + " vs the default heap", run.teams,
						fmt(bounded.millis() / 1000, 1) + " s", fmt(unbounded.millis() / 1000, 1) + " s",
						fmt(ratio, 2), "≤ " + GOAL_BOUNDED, run.report.met(ratio <= GOAL_BOUNDED));
			}
			if (!small.alive()) {
				run.report.details.add("The application with " + heap + " exited during the organisation report.");
			}
			else if (Files.readString(small.log).contains("OutOfMemoryError")) {
				run.report.details.add("The application with " + heap + " logged an OutOfMemoryError.");
			}
		}
		finally {
			small.stop();
		}
	}

	private Organisation organisationReport(App on, Session session, String step, String title) throws Exception {
		String path = "/reports/organisation.pdf?quarter=" + run.data.openQuarter + "&lang=en";
		Path file = run.bench.work.resolve("organisation-" + run.teams + (on == run.app ? "" : "-bounded") + ".pdf");
		log(title + " at " + fmtInt(run.teams) + " teams");
		Profiler.Recording recording = on == run.app
				? run.bench.profiler.start(on, "organisation-pdf-" + run.teams) : null;
		Usage usage;
		Response response;
		Sampler sampler = new Sampler(run.bench, on);
		sampler.phase(step);
		try {
			response = session.download(path, file, Duration.ofMinutes(30));
		}
		finally {
			usage = sampler.stop(run.teams).get(step);
			run.report.usages.add(usage);
			run.bench.profiler.stop(recording);
		}
		boolean complete = response.status() == 200 && Response.isPdf(file);
		String figure = complete ? fmt(response.millis() / 1000, 1) + " s, " + mb(Files.size(file)) + ", " + pages(file)
				+ " pages" : "did not complete: HTTP " + response.status() + (on.alive() ? "" : ", application died");
		run.report.row("5", title, run.teams, figure, "peak heap " + heap(usage.peakHeapMb()) + " MB", "—", "completes",
				complete ? (run.options.smoke ? "completes" : "yes") : "**no**");
		if (!complete) {
			throw new IllegalStateException("organisation PDF: HTTP " + response.status());
		}
		return new Organisation(response.millis(), usage.peakHeapMb());
	}

	/** The organisation report's peak heap from the smallest to the largest team count (the goal: flat). */
	static void heapGrowth(Bench bench) {
		List<Integer> sizes = new ArrayList<>(bench.organisationReports.keySet());
		if (sizes.size() < 2) {
			return;
		}
		int small = sizes.get(0);
		int large = sizes.get(sizes.size() - 1);
		double a = bench.organisationReports.get(small).peakHeapMb();
		double b = bench.organisationReports.get(large).peakHeapMb();
		if (a > 0 && b > 0) {
			bench.report.row("5", "Organisation PDF peak heap, " + fmtInt(small) + " → " + fmtInt(large)
					+ " teams (default heap)", 0, heap(b) + " MB (" + fmtInt(large) + ")",
					heap(a) + " MB (" + fmtInt(small) + ")", fmt(b / a, 2) + "×", "flat", "—");
		}
	}

	private static String pages(Path file) {
		if (Processes.which("pdfinfo")) {
			String info = Processes.quiet(List.of("pdfinfo", file.toString()));
			Matcher m = Pattern.compile("(?m)^Pages:\\s+(\\d+)").matcher(info);
			if (m.find()) {
				return fmtInt(Long.parseLong(m.group(1)));
			}
		}
		try {
			Matcher m = Pattern.compile("/Type\\s*/Page(?![s\\w])")
				.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
			int count = 0;
			while (m.find()) {
				count++;
			}
			return fmtInt(count);
		}
		catch (IOException e) {
			return "?";
		}
	}

}

package dev.platformmaturity.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.assessment.AssessmentLoader.Loaded;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation report's layout, read back with PDFBox text positions: every character
 * (each heatmap cell among them) lies on its page, away from the paper's edge, in English
 * and Chinese, for 12 and for 200 teams; every heatmap page shows all aspect columns and
 * every score; no page but the last is less than half full; page 1 opens with key
 * findings computed from the data.
 */
@IntegrationTest
class OrganisationReportLayoutTest {

	/** What a printer cannot print: 5 mm from each edge. */
	private static final float EDGE = 5 / 25.4f * 72;

	/**
	 * The page frame's footer sits below this height (points from the bottom); the
	 * content ends above it.
	 */
	private static final float FOOTER = 40;

	private static final String HEATMAP_ZH = "团队与方面";

	private static final String APPENDIX_ZH = "各团队详情";

	private static final Pattern SCORE = Pattern.compile("(?<![\\d.])[1-4]\\.\\d\\d(?![\\d])");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	@Autowired
	ModelCatalog catalog;

	@Test
	void twelveTeamsFitTheirPagesInEnglishAndChinese() throws Exception {
		Organisation organisation = organisation(12);
		for (String language : List.of("en", "zh-CN")) {
			Report report = report(organisation, language);
			assertFits(report, organisation, language, 0);
			assertThat(report.pages()).as("12 teams in %s", language).hasSizeLessThanOrEqualTo(4);
		}
	}

	@Test
	void twoHundredTeamsFitTheirPagesInEnglishAndChinese() throws Exception {
		Organisation organisation = organisation(200);
		for (String language : List.of("en", "zh-CN")) {
			// 150 teams per part (the default): three parts
			assertFits(report(organisation, language), organisation, language, 2);
		}
	}

	@Test
	void keyFindingsOpenTheReportAndComeFromTheData() throws Exception {
		Organisation organisation = organisation(12);
		MaturityModel model = catalog.current();
		String first = report(organisation, "en").pages().get(0).text();
		String findings = first.replaceAll("\\s+", " ");

		int teams = organisation.names().size();
		assertThat(first.indexOf("Key findings")).as("the findings come before the tables")
			.isLessThan(first.indexOf("Teams per level"))
			.isNotNegative();
		assertThat(findings).contains(organisation.submitted() + " of " + teams + " teams submitted; "
				+ organisation.inProgress() + " in progress, " + organisation.notStarted() + " not started.");
		// aspect k scores min(4, k + 1) in two teams of three: the first aspect is
		// weakest, the fourth strongest
		assertThat(findings).contains("Strongest aspect: " + model.aspects().get(3).name().in("en")
				+ ", median 4.00 over " + organisation.scored() + " teams.");
		assertThat(findings).contains("Weakest aspect: " + model.aspects().get(0).name().in("en")
				+ ", median 1.00 over " + organisation.scored() + " teams.");
		assertThat(findings).contains("Biggest rises since " + organisation.previous().label() + ": "
				+ organisation.riser() + " (+" + organisation.rise().toPlainString() + ").");
		assertThat(findings).contains("Biggest falls since " + organisation.previous().label() + ": "
				+ organisation.faller() + " (" + organisation.fall().toPlainString() + ").");
		assertThat(findings)
			.contains("Not submitted (" + (organisation.inProgress() + organisation.notStarted()) + "): ");
		organisation.notSubmittedNames().forEach(name -> assertThat(findings).contains(name));

		String chinese = report(organisation, "zh-CN").pages().get(0).text().replaceAll("\\s+", " ");
		assertThat(chinese).contains("主要发现", "共 " + teams + " 个团队，" + organisation.submitted() + " 个已提交", "最强的方面："
				+ model.aspects().get(3).name().in("zh-CN") + "，中位数 4.00，基于 " + organisation.scored() + " 个团队。");
	}

	/**
	 * @param partlyFilled pages, the last one aside, that may be less than half full: a
	 * report of more teams than a part holds starts each part on a new page
	 */
	private void assertFits(Report report, Organisation organisation, String language, int partlyFilled) {
		List<String> aspects = catalog.current().aspects().stream().map(a -> a.name().in(language)).toList();
		String heatmapHeading = language.equals("en") ? "Teams and aspects" : HEATMAP_ZH;
		String appendixHeading = language.equals("en") ? "The teams one by one" : APPENDIX_ZH;
		boolean heatmapSeen = false;
		boolean appendixSeen = false;
		int scoreCells = 0;
		List<Integer> halfEmpty = new ArrayList<>();
		for (int index = 0; index < report.pages().size(); index++) {
			int p = index;
			Page page = report.pages().get(p);
			for (TextPosition glyph : page.glyphs()) {
				assertThat(glyph.getXDirAdj()).as("%s page %d: left of %s", language, p + 1, glyph.getUnicode())
					.isGreaterThanOrEqualTo(EDGE);
				assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj())
					.as("%s page %d: right of %s", language, p + 1, glyph.getUnicode())
					.isLessThanOrEqualTo(page.width() - EDGE);
				assertThat(glyph.getYDirAdj() - glyph.getHeightDir())
					.as("%s page %d: top of %s", language, p + 1, glyph.getUnicode())
					.isGreaterThanOrEqualTo(EDGE);
				assertThat(glyph.getYDirAdj()).as("%s page %d: bottom of %s", language, p + 1, glyph.getUnicode())
					.isLessThanOrEqualTo(page.height() - EDGE);
			}
			if (p < report.pages().size() - 1 && page.lowestContent() < page.height() / 2) {
				halfEmpty.add(p + 1);
			}
			String text = page.text();
			int heatmapStart = heatmapSeen ? 0 : text.indexOf(heatmapHeading);
			if (heatmapStart >= 0) {
				heatmapSeen = true;
			}
			if (heatmapStart >= 0 && !appendixSeen) {
				// the heatmap's column headers: on every page it has rows
				aspects.forEach(aspect -> assertThat(text.replaceAll("\\s+", "")).as("%s page %d", language, p + 1)
					.contains(aspect.replaceAll("\\s+", "")));
				appendixSeen = text.contains(appendixHeading);
			}
			if (heatmapStart >= 0) {
				Matcher scores = SCORE.matcher(text.substring(heatmapStart));
				while (scores.find()) {
					scoreCells++;
				}
			}
		}
		assertThat(heatmapSeen).as("%s: a heatmap", language).isTrue();
		assertThat(scoreCells).as("%s: every score of every team, in the heatmap and in its block", language)
			.isEqualTo(2 * aspects.size() * organisation.scored());
		assertThat(halfEmpty).as("%s: pages less than half full of %d", language, report.pages().size())
			.hasSizeLessThanOrEqualTo(partlyFilled);
		String all = String.join("\n", report.pages().stream().map(Page::drawnText).toList()).replaceAll("\\s+", "");
		organisation.names().forEach(name -> assertThat(all).contains(name.replaceAll("\\s+", "")));
	}

	/**
	 * A group of teams with two quarters of answers; a few long names; some in progress
	 * and some not started.
	 */
	private Organisation organisation(int size) {
		long group = data.group(TestData.unique("Platform"));
		TestData.Person lead = data.person(Role.LEAD);
		TestData.Quarter previous = data.closedQuarter();
		TestData.Quarter current = data.closedQuarter();
		List<MaturityModel.Aspect> aspects = catalog.current().aspects();
		List<String> names = new ArrayList<>();
		List<String> notSubmitted = new ArrayList<>();
		List<Loaded> loaded = new ArrayList<>();
		int submitted = 0;
		int inProgress = 0;
		int notStarted = 0;
		for (int i = 0; i < size; i++) {
			String name = switch (i % 4) {
				case 0 -> "Customer identity and access management platform team " + i;
				case 1 -> "客户身份与访问管理平台工程团队" + i;
				default -> "Team " + i;
			};
			TestData.Team team = data.team(name, group);
			names.add(name);
			if (i % 6 == 5) {
				notStarted++;
				notSubmitted.add(name);
				continue;
			}
			Map<String, Integer> now = levels(aspects, level(i));
			Map<String, Integer> before = switch (i) {
				case 2 -> levels(aspects, k -> 1);
				case 3 -> levels(aspects, k -> 4);
				default -> now;
			};
			loaded.add(given.submitted(team, previous, lead).levels(before).loaded());
			if (i % 6 == 4) {
				inProgress++;
				notSubmitted.add(name);
				loaded.add(given.inProgress(team, current, lead).levels(now).loaded());
			}
			else {
				submitted++;
				loaded.add(given.submitted(team, current, lead).levels(now).loaded());
			}
		}
		given.load(loaded);
		return new Organisation(group, lead, previous, current, names, submitted, inProgress, notStarted,
				notSubmitted.subList(0, Math.min(KeyFindings.NAMES, notSubmitted.size())), names.get(2),
				change(aspects, level(2), k -> 1), names.get(3), change(aspects, level(3), k -> 4));
	}

	/** The level of every question of aspect k in team i's reported quarter. */
	private static IntUnaryOperator level(int team) {
		return team % 3 == 0 ? k -> Math.max(1, k) : k -> Math.min(4, k + 1);
	}

	private static Map<String, Integer> levels(List<MaturityModel.Aspect> aspects, IntUnaryOperator level) {
		Map<String, Integer> levels = new HashMap<>();
		for (int k = 0; k < aspects.size(); k++) {
			int value = level.applyAsInt(k);
			aspects.get(k).questions().forEach(question -> levels.put(question.id(), value));
		}
		return levels;
	}

	private static BigDecimal change(List<MaturityModel.Aspect> aspects, IntUnaryOperator now,
			IntUnaryOperator before) {
		int sum = 0;
		for (int k = 0; k < aspects.size(); k++) {
			sum += now.applyAsInt(k) - before.applyAsInt(k);
		}
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(aspects.size()), 2, RoundingMode.HALF_UP);
	}

	/**
	 * With provisional figures, so that the teams still in progress show their scores
	 * too: every cell is laid out.
	 */
	private Report report(Organisation organisation, String language) throws Exception {
		byte[] pdf = mvc
			.perform(get("/api/v1/reports/organisation.pdf?quarter=" + organisation.current().label() + "&group="
					+ organisation.group() + "&lang=" + language + "&provisional=true")
				.with(user(data.principal(organisation.lead()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Path kept = Path.of("target", "organisation-report-" + organisation.names().size() + "-" + language + ".pdf");
		Files.createDirectories(kept.getParent());
		Files.write(kept, pdf);
		return Report.read(pdf);
	}

	record Organisation(long group, TestData.Person lead, TestData.Quarter previous, TestData.Quarter current,
			List<String> names, int submitted, int inProgress, int notStarted, List<String> notSubmittedNames,
			String riser, BigDecimal rise, String faller, BigDecimal fall) {

		/** Teams with scores in the reported quarter: submitted and in progress. */
		int scored() {
			return submitted + inProgress;
		}

	}

	/**
	 * @param text the page's text line by line, top to bottom
	 * @param drawnText the text in the order it is drawn: cell by cell, so a wrapped name
	 * stays in one piece
	 */
	record Page(float width, float height, String text, String drawnText, List<TextPosition> glyphs) {

		/**
		 * How far down the page's content reaches, in points from the top, leaving out
		 * the frame's footer.
		 */
		float lowestContent() {
			return (float) glyphs.stream()
				.mapToDouble(TextPosition::getYDirAdj)
				.filter(y -> y < height - FOOTER)
				.max()
				.orElse(0);
		}

	}

	record Report(List<Page> pages) {

		static Report read(byte[] bytes) throws IOException {
			try (PDDocument document = Loader.loadPDF(bytes)) {
				List<Page> pages = new ArrayList<>();
				for (int number = 1; number <= document.getNumberOfPages(); number++) {
					List<TextPosition> glyphs = new ArrayList<>();
					PDFTextStripper stripper = new PDFTextStripper() {

						@Override
						protected void processTextPosition(TextPosition text) {
							glyphs.add(text);
							super.processTextPosition(text);
						}

					};
					stripper.setSortByPosition(true);
					stripper.setStartPage(number);
					stripper.setEndPage(number);
					String text = stripper.getText(document);
					PDFTextStripper drawn = new PDFTextStripper();
					drawn.setStartPage(number);
					drawn.setEndPage(number);
					PDRectangle box = document.getPage(number - 1).getMediaBox();
					pages.add(new Page(box.getWidth(), box.getHeight(), text, drawn.getText(document), glyphs));
				}
				return new Report(pages);
			}
		}

	}

}

package dev.platformmaturity.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.platformmaturity.account.PersonInfo;
import dev.platformmaturity.assessment.AssessmentLoader;
import dev.platformmaturity.assessment.AssessmentLoader.Loaded;
import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.Quarters;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * The demo organisation's assessments: the four quarters before the current calendar
 * quarter, closed, with every team's submitted assessment, varied and moving up and down
 * between quarters, and the current calendar quarter open and due in the future, with
 * some teams done, some in progress and some not started. Repeatable: the same seed and
 * day give the same answers.
 */
@Component
class DemoAssessments {

	/** The current quarter is due at least this long after the day the demo is seeded. */
	static final int DAYS_LEFT_AT_LEAST = 14;

	private static final List<String> COMMENTS_EN = List.of("We discussed this at length in the retro.",
			"Depends on the product line; this is the common case.", "Improved since the new platform team started.",
			"Still mostly tickets, but the portal pilot helps.", "Budget is the limiting factor here.");

	private static final List<String> COMMENTS_ZH = List.of("在回顾会上讨论了很久。", "不同产品线差异较大，这是普遍情况。", "新平台团队成立后有所改善。",
			"仍以工单为主，但门户试点有帮助。", "预算是这里的主要限制。");

	private final Quarters quarters;

	private final Teams teams;

	private final ModelCatalog catalog;

	private final AssessmentLoader loader;

	private final Clock clock;

	DemoAssessments(Quarters quarters, Teams teams, ModelCatalog catalog, AssessmentLoader loader, Clock clock) {
		this.quarters = quarters;
		this.teams = teams;
		this.catalog = catalog;
		this.loader = loader;
		this.clock = clock;
	}

	/**
	 * The demo's quarters as of today: four closed ones, oldest first, and the current
	 * calendar quarter.
	 */
	record DemoQuarters(List<String> past, String current) {

		static DemoQuarters of(LocalDate today) {
			LocalDate start = firstDay(today);
			List<String> past = new ArrayList<>();
			for (int back = 4; back >= 1; back--) {
				past.add(label(start.minusMonths(3L * back)));
			}
			return new DemoQuarters(List.copyOf(past), label(start));
		}

		static LocalDate firstDay(LocalDate day) {
			return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
		}

		static String label(LocalDate firstDay) {
			return firstDay.getYear() + "-Q" + ((firstDay.getMonthValue() - 1) / 3 + 1);
		}

	}

	DemoQuarters demoQuarters() {
		return DemoQuarters.of(LocalDate.now(clock));
	}

	/**
	 * Seeds quarters and assessments; the caller provides the transaction and
	 * administrator rights.
	 */
	void seed(List<String> teamSlugs) {
		DemoQuarters labels = demoQuarters();
		ModelVersion version = catalog.currentVersion();
		Random random = new Random(20261126L);
		Map<String, Map<String, Double>> tendencies = new HashMap<>();
		for (String slug : teamSlugs) {
			Map<String, Double> perAspect = new HashMap<>();
			version.model().aspects().forEach(aspect -> perAspect.put(aspect.key(), 1.3 + random.nextDouble() * 1.8));
			tendencies.put(slug, perAspect);
		}
		Map<String, Loaded> previous = new HashMap<>();
		for (String label : labels.past()) {
			QuarterInfo quarter = createQuarter(label, false);
			quarters.openQuarter(label, null);
			List<Loaded> loaded = new ArrayList<>();
			for (String slug : teamSlugs) {
				drift(tendencies.get(slug), random);
				Loaded assessment = assessment(version, quarter, slug, AssessmentStatus.SUBMITTED, 20,
						tendencies.get(slug), random, null);
				loaded.add(assessment);
				previous.put(slug, assessment);
			}
			loader.load(version, loaded);
			quarters.closeQuarter(label, null);
		}
		QuarterInfo current = createQuarter(labels.current(), true);
		quarters.openQuarter(labels.current(), null);
		List<Loaded> loaded = new ArrayList<>();
		for (int i = 0; i < teamSlugs.size(); i++) {
			String slug = teamSlugs.get(i);
			drift(tendencies.get(slug), random);
			if (i % 3 == 1) {
				loaded.add(assessment(version, current, slug, AssessmentStatus.SUBMITTED, 20, tendencies.get(slug),
						random, null));
			}
			else if (i % 3 == 2) {
				loaded.add(assessment(version, current, slug, AssessmentStatus.IN_PROGRESS, 6 + random.nextInt(12),
						tendencies.get(slug), random, previous.get(slug)));
			}
		}
		loader.load(version, loaded);
	}

	/**
	 * Due seven weeks after opening; the current quarter at least
	 * {@link #DAYS_LEFT_AT_LEAST} days from today.
	 */
	private QuarterInfo createQuarter(String label, boolean current) {
		int year = Integer.parseInt(label.substring(0, 4));
		int number = label.charAt(6) - '0';
		LocalDate opens = LocalDate.of(year, (number - 1) * 3 + 1, 1);
		LocalDate due = opens.plusWeeks(7);
		LocalDate soonest = LocalDate.now(clock).plusDays(DAYS_LEFT_AT_LEAST);
		return quarters.create(label, opens, current && due.isBefore(soonest) ? soonest : due);
	}

	/** Tendencies move a little each quarter, mostly up, sometimes down. */
	private static void drift(Map<String, Double> tendency, Random random) {
		tendency
			.replaceAll((aspect, value) -> Math.max(1.0, Math.min(4.0, value + (random.nextDouble() - 0.35) * 0.5)));
	}

	/**
	 * An assessment whose answers scatter around the team's tendency per aspect. In
	 * progress: the first {@code answered} questions answered, the rest carried over from
	 * {@code carriedFrom} where it has them.
	 */
	private Loaded assessment(ModelVersion version, QuarterInfo quarter, String slug, AssessmentStatus status,
			int answered, Map<String, Double> tendency, Random random, Loaded carriedFrom) {
		TeamRef team = teams.team(slug);
		List<PersonInfo> members = teams.members(slug);
		PersonInfo author = members.get(random.nextInt(members.size()));
		Map<String, Integer> levels = new HashMap<>();
		Set<String> notApplicable = new HashSet<>();
		Map<String, String> comments = new HashMap<>();
		Set<String> carriedOver = new HashSet<>();
		Map<String, Integer> targets = new HashMap<>();
		int index = 0;
		for (MaturityModel.Aspect aspect : version.model().aspects()) {
			double centre = tendency.get(aspect.key());
			targets.put(aspect.key(), Math.min(4, (int) Math.floor(centre) + 1));
			for (MaturityModel.Question question : aspect.questions()) {
				String key = question.id();
				if (index++ < answered) {
					if (random.nextDouble() < 0.06) {
						notApplicable.add(key);
					}
					else {
						levels.put(key,
								(int) Math.max(1, Math.min(4, Math.round(centre + random.nextGaussian() * 0.6))));
					}
					if (random.nextDouble() < 0.12) {
						List<String> texts = "zh-CN".equals(author.language()) ? COMMENTS_ZH : COMMENTS_EN;
						comments.put(key, texts.get(random.nextInt(texts.size())));
					}
				}
				else if (carriedFrom != null) {
					if (carriedFrom.levels().containsKey(key)) {
						levels.put(key, carriedFrom.levels().get(key));
						carriedOver.add(key);
					}
					else if (carriedFrom.notApplicable().contains(key)) {
						notApplicable.add(key);
						carriedOver.add(key);
					}
				}
			}
		}
		LocalDate day = quarter.opensOn().plusDays(10 + random.nextInt(30));
		Instant at = day.atTime(9 + random.nextInt(8), 0).toInstant(ZoneOffset.UTC);
		Instant now = clock.instant();
		return new Loaded(team.id(), quarter.id(), status, author.id(), at.isAfter(now) ? now : at, levels,
				notApplicable, comments, targets, carriedOver);
	}

}

package dev.platformmaturity.assessment;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;

import dev.platformmaturity.model.MaturityModel;

/**
 * The share URL of the CNCF assessment tool (pemm-assessment), both ways. The tool keeps
 * its state in the address:
 * {@code https://cloud-native-platform-engineering.github.io/pemm-assessment/?lang=zh&investment_1=1&…},
 * one parameter per answered question, named by the question's key (the same keys as this
 * model's questions), with the chosen option's level 1 to 4, and {@code lang} for a
 * language other than English. It has no "not applicable".
 */
public final class CncfShareUrl {

	/** The tool's public address. */
	public static final String ADDRESS = "https://cloud-native-platform-engineering.github.io/pemm-assessment/";

	static final String HOST = "cloud-native-platform-engineering.github.io";

	private static final String LANGUAGE = "lang";

	private CncfShareUrl() {
	}

	/**
	 * The answers a share URL carries (by question key, in the model's order), and what
	 * was left out and why.
	 */
	record Shared(Map<String, Integer> levels, List<Ignored> ignored) {
	}

	/** A parameter left out: an unknown key, or a value that is not a level 1 to 4. */
	record Ignored(String key, String value, String messageKey) implements MessageSourceResolvable {

		@Override
		public String[] getCodes() {
			return new String[] { messageKey };
		}

		@Override
		public Object[] getArguments() {
			return new Object[] { key, value };
		}

	}

	/**
	 * Reads a pasted share URL, or only its query string (with or without {@code ?}).
	 * Unknown keys and values outside 1..4 are left out and reported; an address of
	 * another host, a key given twice or text that is no share URL at all is refused
	 * ({@link AssessmentProblem}, 400).
	 */
	static Shared parse(String pasted, MaturityModel model) {
		String text = pasted == null ? "" : pasted.strip();
		if (text.isEmpty()) {
			throw AssessmentProblem.badInput("cncf.import.empty");
		}
		String query = query(text);
		int fragment = query.indexOf('#');
		if (fragment >= 0) {
			query = query.substring(0, fragment);
		}
		Map<String, Integer> found = new LinkedHashMap<>();
		List<Ignored> ignored = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String parameter : query.split("&")) {
			if (parameter.isEmpty()) {
				continue;
			}
			int equals = parameter.indexOf('=');
			String key = decode(equals < 0 ? parameter : parameter.substring(0, equals));
			String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
			if (!seen.add(key)) {
				throw AssessmentProblem.badInput("cncf.import.duplicateKey", key);
			}
			if (key.equals(LANGUAGE)) {
				continue;
			}
			if (model.question(key).isEmpty()) {
				ignored.add(new Ignored(key, value, "cncf.import.unknownKey"));
			}
			else if (!value.matches("[1-4]")) {
				ignored.add(new Ignored(key, value, "cncf.import.notALevel"));
			}
			else {
				found.put(key, Integer.parseInt(value));
			}
		}
		Map<String, Integer> levels = new LinkedHashMap<>();
		model.aspects()
			.stream()
			.flatMap(aspect -> aspect.questions().stream())
			.filter(question -> found.containsKey(question.id()))
			.forEach(question -> levels.put(question.id(), found.get(question.id())));
		return new Shared(levels, ignored);
	}

	/**
	 * The tool's address with the answers given: the questions answered with a level in
	 * the model's order, and the language when it is Chinese (the tool's {@code zh});
	 * not-applicable and unanswered questions are left out, as the tool has no such
	 * answer.
	 */
	public static String link(MaturityModel model, Map<String, Integer> levels, String language) {
		StringBuilder link = new StringBuilder(ADDRESS);
		String separator = "?";
		if (language != null && language.toLowerCase(Locale.ROOT).startsWith("zh")) {
			link.append(separator).append(LANGUAGE).append("=zh");
			separator = "&";
		}
		for (MaturityModel.Aspect aspect : model.aspects()) {
			for (MaturityModel.Question question : aspect.questions()) {
				Integer level = levels.get(question.id());
				if (level != null) {
					link.append(separator).append(question.id()).append('=').append(level);
					separator = "&";
				}
			}
		}
		return link.toString();
	}

	/** The share link of an assessment's answers. */
	public static String link(AssessmentSnapshot state, String language) {
		Map<String, Integer> levels = new LinkedHashMap<>();
		state.answers().forEach((question, answer) -> {
			if (answer.level() != null) {
				levels.put(question, answer.level());
			}
		});
		return link(state.model(), levels, language);
	}

	/**
	 * The query string of a pasted address, refusing another host; the text itself when
	 * it is only a query.
	 */
	private static String query(String text) {
		int question = text.indexOf('?');
		String address = question < 0 ? text : text.substring(0, question);
		String query = question < 0 ? text : text.substring(question + 1);
		boolean hasScheme = address.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*");
		if (question < 0 && !hasScheme && !address.contains("/")) {
			if (!text.contains("=")) {
				throw AssessmentProblem.badInput("cncf.import.notAShareUrl");
			}
			return query;
		}
		String host;
		if (hasScheme) {
			try {
				URI uri = new URI(address);
				String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
				if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
					throw AssessmentProblem.badInput("cncf.import.notAShareUrl");
				}
				host = uri.getHost();
			}
			catch (URISyntaxException unreadable) {
				throw AssessmentProblem.badInput("cncf.import.notAShareUrl");
			}
		}
		else {
			host = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
		}
		if (!host.isEmpty() && !host.equalsIgnoreCase(HOST)) {
			throw AssessmentProblem.badInput("cncf.import.otherHost", host, HOST);
		}
		if (question < 0) {
			throw AssessmentProblem.badInput("cncf.import.noAnswers");
		}
		return query;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			throw AssessmentProblem.badInput("cncf.import.notAShareUrl");
		}
	}

}

package dev.platformmaturity.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every request mapping of the application that carries a team, as path variable {@code {team}} or parameter
 * {@code team}, and proves a member of another team is refused, whatever the method: with 404, or with 403 where the
 * endpoint is closed to members anyway, and always with the same answer as for a team that does not exist, so the
 * answer never reveals whether the team exists. New endpoints are covered without anyone adding them here.
 */
@IntegrationTest
class TeamScopedEndpointsTest {

	/** Sample values for other path variables, so that only the team decides the answer. */
	private static final Map<String, String> SAMPLE_VARIABLES = Map.of("quarter", "2026-Q4", "personId", "1",
			"question", "investment_1", "id", "1", "aspect", "investment");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void aMemberOfAnotherTeamIsRefusedEverywhere() throws Exception {
		TestData.Team own = data.team("Own");
		TestData.Team other = data.team("Other");
		TestData.Person member = data.member(own);
		List<String> checked = new ArrayList<>();
		List<String> notRefused = new ArrayList<>();

		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				boolean teamInPath = pattern.contains("{team}");
				boolean teamParameter = hasTeamParameter(mapping.getValue());
				if (!teamInPath && !teamParameter) {
					continue;
				}
				for (HttpMethod method : methods(mapping.getKey())) {
					int forOtherTeam = status(method, pattern, other.slug(), teamInPath, member);
					int forNoTeam = status(method, pattern, "no-such-team-" + other.slug(), teamInPath, member);
					checked.add(method + " " + pattern);
					if ((forOtherTeam != 404 && forOtherTeam != 403) || forOtherTeam != forNoTeam) {
						notRefused.add(method + " " + pattern + " answered " + forOtherTeam + " for another team and "
								+ forNoTeam + " for no team");
					}
				}
			}
		}

		assertThat(checked).as("team-scoped endpoints found").isNotEmpty();
		assertThat(notRefused).as("endpoints that did not refuse a member of another team").isEmpty();
	}

	@Test
	void everyMappingUnderTeamsNamesItsTeamVariableTeam() {
		List<String> misnamed = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.matches(".*/teams/\\{(?!team})[^}]+}.*")) {
					misnamed.add(pattern);
				}
			}
		}
		assertThat(misnamed).as("patterns that name the team variable differently, escaping the check").isEmpty();
	}

	private int status(HttpMethod method, String pattern, String team, boolean teamInPath, TestData.Person member)
			throws Exception {
		String url = expand(pattern, team) + (teamInPath ? "" : "?team=" + team);
		MvcResult result = mvc.perform(request(method, url).with(user(data.principal(member))).with(csrf())).andReturn();
		return result.getResponse().getStatus();
	}

	private static boolean hasTeamParameter(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			if (requestParam != null && ("team".equals(requestParam.name()) || "team".equals(requestParam.value()))) {
				return true;
			}
		}
		return false;
	}

	private static List<HttpMethod> methods(RequestMappingInfo info) {
		Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
		if (declared.isEmpty()) {
			return List.of(HttpMethod.GET, HttpMethod.POST);
		}
		return declared.stream().map(method -> HttpMethod.valueOf(method.name())).toList();
	}

	private static String expand(String pattern, String team) {
		String url = pattern.replace("{team}", team);
		for (Map.Entry<String, String> sample : SAMPLE_VARIABLES.entrySet()) {
			url = url.replaceAll("\\{" + sample.getKey() + "(:[^}]*)?}", sample.getValue());
		}
		return url.replaceAll("\\{[^}]+}", "x");
	}

}

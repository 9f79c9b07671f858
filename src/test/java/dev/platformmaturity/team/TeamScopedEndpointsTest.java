package dev.platformmaturity.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every request mapping of the application that carries a team, as path variable
 * {@code {team}} or parameter {@code team}, and proves a member of another team is
 * refused, whatever the method: with 404, or with 403 where the endpoint is closed to
 * members anyway, and always with the same answer as for a team that does not exist, so
 * the answer never reveals whether the team exists. New endpoints are covered without
 * anyone adding them here.
 */
@IntegrationTest
class TeamScopedEndpointsTest {

	/**
	 * Sample values for other path variables, so that only the team decides the answer.
	 */
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

	/**
	 * The team mappings of actions, the CNCF tool's import and the exchange format, each
	 * with what a member of the team, a platform lead and an administrator get: leads and
	 * administrators read and comment on actions but only members plan them, the import
	 * of answers is for who answers (members, administrators), a team's data is imported
	 * by administrators only. A new mapping of these features must be added to the table.
	 */
	@Test
	void eachRoleGetsWhatTheRulesOfActionsImportsAndTheExchangeFormatSay() throws Exception {
		TestData.Team team = data.team("Roles");
		TestData.Person member = data.member(team);
		TestData.Person lead = data.person(Role.LEAD);
		TestData.Person admin = data.person(Role.ADMIN);
		String quarter = data.openQuarter().label();
		String assessment = "/api/v1/teams/" + team.slug() + "/assessments/" + quarter;
		mvc.perform(put(assessment + "/answers/investment_1").with(user(data.principal(member)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\": \"investment_1:1\", \"version\": 0}"))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
		String created = mvc
			.perform(post("/api/v1/teams/" + team.slug() + "/actions").with(user(data.principal(member)))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"Walk\", \"aspect\": \"adoption\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = created.replaceFirst("(?s).*?\"id\":(\\d+).*", "$1");
		String json = "{\"title\": \"T\", \"aspect\": \"investment\"}";
		String stale = "{\"title\": \"T\", \"aspect\": \"investment\", \"version\": 999}";
		record Expected(int member, int lead, int admin, UnaryOperator<MockHttpServletRequestBuilder> request) {
		}
		UnaryOperator<MockHttpServletRequestBuilder> plain = request -> request;
		Map<String, Expected> table = new TreeMap<>();
		table.put("GET /teams/{team}/actions", new Expected(200, 200, 200, plain));
		table.put("GET /teams/{team}/actions/new", new Expected(200, 200, 200, plain));
		table.put("POST /teams/{team}/actions",
				new Expected(302, 403, 403, request -> request.param("title", "T").param("aspect", "investment")));
		table.put("GET /teams/{team}/actions/{id}", new Expected(200, 200, 200, plain));
		table.put("POST /teams/{team}/actions/{id}", new Expected(200, 403, 403,
				request -> request.param("title", "T").param("aspect", "investment").param("version", "999")));
		table.put("POST /teams/{team}/actions/{id}/delete",
				new Expected(409, 403, 403, request -> request.param("version", "999")));
		table.put("POST /teams/{team}/actions/{id}/comments",
				new Expected(302, 302, 302, request -> request.param("text", "A comment")));
		table.put("GET /teams/{team}/actions/history", new Expected(200, 200, 200, plain));
		table.put("GET /api/v1/teams/{team}/actions", new Expected(200, 200, 200, plain));
		table.put("POST /api/v1/teams/{team}/actions",
				new Expected(201, 403, 403, request -> request.contentType(MediaType.APPLICATION_JSON).content(json)));
		table.put("GET /api/v1/teams/{team}/actions/{id}", new Expected(200, 200, 200, plain));
		table.put("PUT /api/v1/teams/{team}/actions/{id}",
				new Expected(409, 403, 403, request -> request.contentType(MediaType.APPLICATION_JSON).content(stale)));
		table.put("DELETE /api/v1/teams/{team}/actions/{id}",
				new Expected(409, 403, 403, request -> request.param("version", "999")));
		table.put("GET /teams/{team}/exchange.json", new Expected(200, 200, 200, plain));
		table.put("GET /teams/{team}/exchange", new Expected(200, 200, 200, plain));
		table.put("POST /teams/{team}/exchange", new Expected(403, 403, 200, plain));
		table.put("GET /api/v1/teams/{team}/exchange", new Expected(200, 200, 200, plain));
		table.put("POST /api/v1/teams/{team}/exchange",
				new Expected(403, 403, 400, request -> request.contentType(MediaType.APPLICATION_JSON).content("{}")));
		table.put("GET /teams/{team}/assessments/{quarter}/cncf-import", new Expected(200, 200, 200, plain));
		table.put("POST /teams/{team}/assessments/{quarter}/cncf-import/preview",
				new Expected(200, 403, 200, request -> request.param("shared", "?investment_1=2")));
		table.put("POST /teams/{team}/assessments/{quarter}/cncf-import",
				new Expected(200, 403, 200, request -> request.param("shared", "?investment_1=2")));

		Set<String> found = new TreeSet<>();
		List<String> wrong = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.contains("{team}") || !pattern.matches(".*/(actions|exchange|cncf-import).*")) {
					continue;
				}
				for (HttpMethod method : methods(info)) {
					String key = method + " " + pattern;
					found.add(key);
					Expected expected = table.get(key);
					if (expected == null) {
						continue;
					}
					String url = pattern.replace("{team}", team.slug())
						.replace("{quarter}", quarter)
						.replace("{id}", id);
					int[] statuses = { expected.member(), expected.lead(), expected.admin() };
					TestData.Person[] people = { member, lead, admin };
					for (int i = 0; i < people.length; i++) {
						int status = mvc
							.perform(expected.request()
								.apply(request(method, url).with(user(data.principal(people[i]))).with(csrf())))
							.andReturn()
							.getResponse()
							.getStatus();
						if (status != statuses[i]) {
							wrong.add(key + " as " + people[i].role() + ": " + status + ", expected " + statuses[i]);
						}
					}
				}
			}
		}
		assertThat(found).as("mappings of actions, imports and the exchange format").isEqualTo(table.keySet());
		assertThat(wrong).isEmpty();
	}

	private int status(HttpMethod method, String pattern, String team, boolean teamInPath, TestData.Person member)
			throws Exception {
		String url = expand(pattern, team) + (teamInPath ? "" : "?team=" + team);
		MvcResult result = mvc.perform(request(method, url).with(user(data.principal(member))).with(csrf()))
			.andReturn();
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

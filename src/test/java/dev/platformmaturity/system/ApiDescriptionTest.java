package dev.platformmaturity.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.platformmaturity.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI description covers every mapping under /api, is valid OpenAPI 3, and
 * documents its errors.
 */
@IntegrationTest
class ApiDescriptionTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	String json;

	OpenAPI api;

	@BeforeEach
	void readTheDescription() throws Exception {
		json = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult parsed = new OpenAPIParser().readContents(json, null, options);
		assertThat(parsed.getMessages()).as("problems of the OpenAPI document").isEmpty();
		api = parsed.getOpenAPI();
	}

	@Test
	void everyApiMappingIsDescribed() {
		List<String> missing = new ArrayList<>();
		mappings.getHandlerMethods().forEach((mapping, handler) -> {
			for (String path : mapping.getPatternValues()) {
				if (!path.startsWith("/api/")) {
					continue;
				}
				PathItem item = api.getPaths().get(path);
				var methods = mapping.getMethodsCondition().getMethods().isEmpty() ? List.of(RequestMethod.GET)
						: List.copyOf(mapping.getMethodsCondition().getMethods());
				for (RequestMethod method : methods) {
					if (item == null
							|| item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name())) == null) {
						missing.add(method + " " + path);
					}
				}
			}
		});
		assertThat(missing).as("mappings under /api missing from the description").isEmpty();
		assertThat(api.getPaths()).containsKey("/api/v1/teams/{team}/assessments/{quarter}/answers/{question}");
	}

	@Test
	void describesTheSecuritySchemesTheRequestBodiesAndTheProblemAnswers() {
		assertThat(api.getComponents().getSecuritySchemes()).containsKeys("token", "basic");
		assertThat(api.getComponents().getSecuritySchemes().get("token").getScheme()).isEqualTo("bearer");
		Operation save = api.getPaths().get("/api/v1/teams/{team}/assessments/{quarter}/answers/{question}").getPut();
		assertThat(save.getRequestBody().getContent().get("application/json").getExample()).asString()
			.contains("investment_1:3");
		assertThat(save.getResponses()).containsKeys("200", "400", "401", "403", "404", "409");
		assertThat(save.getResponses().get("409").getContent()).containsKey("application/problem+json");
		Operation model = api.getPaths().get("/api/v1/model").getGet();
		assertThat(model.getSecurity()).isEmpty();
		assertThat(model.getResponses()).containsKey("400").doesNotContainKey("401");
		api.getPaths()
			.forEach((path, item) -> item.readOperations()
				.forEach(operation -> assertThat(
						operation.getResponses().keySet().stream().filter(code -> code.startsWith("4")).toList())
					.as(path)
					.isNotEmpty()));
	}

	/**
	 * The API reads no YAML bodies ({@link JsonRules}); springdoc writes the YAML form of
	 * the description itself.
	 */
	@Test
	void theDescriptionIsAlsoServedAsYaml() throws Exception {
		String yaml = mvc.perform(get("/v3/api-docs.yaml").with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/vnd.oai.openapi"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		SwaggerParseResult parsed = new OpenAPIParser().readContents(yaml, null, new ParseOptions());
		assertThat(parsed.getMessages()).as("problems of the YAML form").isEmpty();
		assertThat(parsed.getOpenAPI().getPaths().keySet()).isEqualTo(api.getPaths().keySet());
	}

	@Test
	void theBrowsableDescriptionIsPublicAndServedUnderTheContentSecurityPolicy() throws Exception {
		mvc.perform(get("/api-docs")).andExpect(redirectedUrl("/swagger-ui/index.html"));
		mvc.perform(get("/swagger-ui/index.html"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("script-src 'self'")));
	}

}

package dev.platformmaturity.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI description of {@code /api/**} (springdoc: {@code /v3/api-docs}, browsable
 * at {@code /api-docs}). The operations and their schemas come from the controllers; this
 * adds what every operation shares: the security schemes, the problem-details answers
 * (400, 401, 403, 404, 409) with examples, and examples of the request bodies.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String[] PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/api-docs", "/swagger-ui/**",
			"/swagger-ui.html" };

	private static final String PROBLEM = "Problem";

	/** Operations anyone may call. */
	private static final Set<String> PUBLIC = Set.of("GET /api/v1/model");

	/** Examples of request bodies, by the name of their schema. */
	private static final Map<String, Object> BODY_EXAMPLES = Map.of("AnswerJson", example("option", "investment_1:3",
			"notApplicable", false, "comment", "Funded as a product since Q2.", "version", 4), "TargetJson",
			example("level", 3, "version", 1));

	@Bean
	OpenAPI apiDescription() {
		return new OpenAPI()
			.info(new Info().title("Platform Maturity API")
				.version("v1")
				.description("""
						Quarterly self-assessments against the CNCF Platform Engineering Maturity Model. Authenticate \
						with a personal access token (`Authorization: Bearer …`, created under *Your account*) or \
						HTTP Basic with a local account; such requests need no CSRF token. Errors are RFC 9457 \
						problem details with the detail in the caller's language (`Accept-Language`).""")
				.license(new License().name("Apache License 2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.components(new Components()
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal access token (pmat_…) from *Your account*; read or read-write"))
				.addSecuritySchemes("basic",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("Username and password of a local account")))
			.addSecurityItem(new SecurityRequirement().addList("token"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

	@Bean
	OpenApiCustomizer problemAnswers() {
		return api -> {
			api.getComponents().addSchemas(PROBLEM, problemSchema());
			api.getPaths()
				.forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> describe(path, method, operation)));
		};
	}

	private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
		boolean open = PUBLIC.contains(method + " " + path);
		if (open) {
			operation.setSecurity(List.of());
		}
		describeProblems(path, method, operation, open);
		if (operation.getRequestBody() != null) {
			operation.getRequestBody().getContent().values().forEach(media -> {
				String schema = schemaName(media.getSchema());
				if (schema != null && BODY_EXAMPLES.containsKey(schema)) {
					media.setExample(BODY_EXAMPLES.get(schema));
				}
			});
		}
	}

	private static void describeProblems(String path, PathItem.HttpMethod method, Operation operation, boolean open) {
		ApiResponses responses = operation.getResponses();
		boolean hasInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		if (hasInput) {
			responses.putIfAbsent("400", problem(400, "The request is not valid: a parameter or a field is wrong",
					"Language 'fr' is not supported. Supported languages: en, zh-CN, de, es."));
		}
		if (!open) {
			responses.putIfAbsent("401",
					problem(401,
							"No valid credentials: missing, unknown or expired token, wrong "
									+ "password, or a session that has ended",
							"Sign in first: send a personal access token …"));
			responses.putIfAbsent("403",
					problem(403, "The caller may not do this (role, or a token that may only read)",
							"Your account may not do this."));
		}
		if (path.contains("{")) {
			responses.putIfAbsent("404", problem(404, "Nothing found, or nothing the caller may see",
					"There is no team 'payments', or you may not see it."));
		}
		if (method == PathItem.HttpMethod.PUT) {
			responses.putIfAbsent("409", problem(409,
					"Someone else saved a newer version since yours was read; nothing was saved. An answer's problem "
							+ "carries the saved answer as `current`",
					"Wang Fang saved this answer meanwhile."));
		}
	}

	private static ApiResponse problem(int status, String description, String detail) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", HttpStatus.valueOf(status).getReasonPhrase());
		example.put("status", status);
		example.put("detail", detail);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
						.addExamples("problem", new Example().value(example))));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Conflict"))
			.addProperty("status", new IntegerSchema().example(409))
			.addProperty("detail", new StringSchema().description("What went wrong, in the caller's language"))
			.addProperty("instance", new StringSchema());
	}

	private static String schemaName(Schema<?> schema) {
		if (schema == null || schema.get$ref() == null) {
			return null;
		}
		return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
	}

	private static Map<String, Object> example(Object... keysAndValues) {
		Map<String, Object> example = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			example.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return example;
	}

}

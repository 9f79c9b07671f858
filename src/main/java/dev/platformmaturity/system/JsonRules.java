package dev.platformmaturity.system;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import dev.platformmaturity.shared.TextRules;

/**
 * JSON request bodies are read strictly: a number is never rounded or cut to fit (2.5 is
 * not a level, 0.5 not a version), a text is not read as a number or a boolean nor the
 * other way round, a field the endpoint does not know, a field given twice and anything
 * after the value are refused, and every text follows {@link TextRules}. What was wrong
 * and where is answered by {@link ApiErrors} through {@link JsonProblems}. Only the
 * server's converter is strict: JSON the application reads for itself keeps Spring Boot's
 * settings.
 * <p>
 * Bodies that controllers read whole are JSON only. The YAML converter that Spring
 * registers because a YAML library is on the class path (the OpenAPI description's) is
 * removed: it would read bodies past these rules. The description's YAML form is written
 * by springdoc itself and needs no converter.
 */
@Configuration(proxyBeanMethods = false)
class JsonRules {

	/** Runs after Spring Boot's customizers and replaces the JSON converter they set. */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer strictJsonBodies(JsonMapper applicationMapper) {
		JsonMapper strict = strict(applicationMapper);
		return converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(strict))
			.configureMessageConvertersList(list -> list.removeIf(JsonRules::convertsYaml));
	}

	private static boolean convertsYaml(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes().stream().anyMatch(MediaType.APPLICATION_YAML::equalsTypeAndSubtype);
	}

	static JsonMapper strict(JsonMapper mapper) {
		SimpleModule textRules = new SimpleModule("text-rules");
		textRules.addDeserializer(String.class, new RuledStringDeserializer());
		textRules.addKeyDeserializer(String.class, new RuledKeyDeserializer());
		return mapper.rebuild()
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual,
					text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(textRules)
			.build();
	}

	/**
	 * A JSON text that {@link TextRules} refuses; Jackson adds the path of the field to
	 * it.
	 */
	static class RefusedText extends MismatchedInputException {

		private final transient TextRules.Flaw flaw;

		RefusedText(JsonParser parser, TextRules.Flaw flaw) {
			super(parser, "Text refused (" + flaw.messageKey() + " at character " + flaw.position() + ")",
					String.class);
			this.flaw = flaw;
		}

		TextRules.Flaw flaw() {
			return flaw;
		}

	}

	private static final class RuledStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			TextRules.flaw(text).ifPresent(flaw -> {
				throw new RefusedText(parser, flaw);
			});
			return text;
		}

	}

	private static final class RuledKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			TextRules.flaw(key).ifPresent(flaw -> {
				throw new RefusedText(context.getParser(), flaw);
			});
			return key;
		}

	}

}

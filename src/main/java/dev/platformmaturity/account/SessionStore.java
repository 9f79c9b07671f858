package dev.platformmaturity.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How session attributes are stored in the database: Java serialization, as Spring
 * Session does, except that an attribute written by another version of the application
 * that cannot be read any more is dropped (that session is then simply signed out)
 * instead of failing every request that brings its cookie.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

	@Bean
	ConversionService springSessionConversionService() {
		DeserializingConverter deserializer = new DeserializingConverter(SessionStore.class.getClassLoader());
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, bytes -> {
			try {
				return deserializer.convert(bytes);
			}
			catch (SerializationFailedException unreadable) {
				log.info("Dropped a session attribute this version cannot read: {}", unreadable.getMessage());
				return null;
			}
		});
		return conversions;
	}

}

package dev.platformmaturity.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser sessions in PostgreSQL through Spring Session JDBC (its tables created by
 * Flyway), behind {@link SparingSessionRepository} so that a request which changes
 * nothing but the session's last use does not write it. Declaring the repository here
 * replaces Spring Boot's JDBC session auto-configuration, so this class sets what that
 * did: the timeout ({@code server.servlet.session.timeout}), the transactions and how
 * attributes are stored.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStore {

	private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

	@Bean
	JdbcIndexedSessionRepository jdbcSessionRepository(DataSource dataSource, PlatformTransactionManager transactions,
			SessionTimeout timeout) {
		TransactionTemplate ownTransactions = new TransactionTemplate(transactions);
		ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				ownTransactions);
		Duration configured = timeout.getTimeout();
		if (configured != null) {
			repository.setDefaultMaxInactiveInterval(configured);
		}
		repository.setConversionService(attributeConversions());
		return repository;
	}

	@Bean
	@Primary
	SparingSessionRepository<?> sessionRepository(JdbcIndexedSessionRepository jdbcSessionRepository) {
		return new SparingSessionRepository<>(jdbcSessionRepository);
	}

	/**
	 * Outside Spring Session's filter, so that its two saves of one request read the
	 * session once.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionReadOnceFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						SparingSessionRepository.withinRequest(() -> chain.doFilter(request, response));
					}
				});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
		return registration;
	}

	/**
	 * Java serialization, as Spring Session does, except that an attribute written by
	 * another version of the application that cannot be read any more is dropped (that
	 * session is then simply signed out) instead of failing every request that brings its
	 * cookie.
	 */
	private static ConversionService attributeConversions() {
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

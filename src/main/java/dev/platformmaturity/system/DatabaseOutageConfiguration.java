package dev.platformmaturity.system;

import javax.sql.DataSource;

import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A database outage is answered fast and honestly: connection and socket timeouts
 * (application.properties), the {@link DatabaseProbe} behind health and readiness, the
 * {@link OutageGuardedDataSource}, and 503 answers from the {@link DatabaseOutageFilter}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

	/**
	 * Outside Spring Session's filter, which writes the session to the database when the
	 * response commits or after the rest of the chain, so a failure there is answered 503
	 * like one inside the chain. The filters that decode parameters and take
	 * {@code ?lang=} run inside it: they need no database, and the language they set is a
	 * request attribute that the 503 page still finds.
	 */
	static final int FILTER_ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 1;

	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ITemplateEngine templates, MessageSource messages,
			LocaleResolver locales, JsonMapper json, DatabaseProperties properties) {
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
				new DatabaseOutageFilter(templates, messages, locales, json, properties));
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

	@Bean
	static BeanPostProcessor outageGuardedDataSource(ObjectProvider<DatabaseProbe> probes) {
		SingletonSupplier<DatabaseProbe> probe = SingletonSupplier.of(probes::getObject);
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource pool && !(bean instanceof OutageGuardedDataSource)
						? new OutageGuardedDataSource(pool, () -> probe.obtain().unreachable()) : bean;
			}
		};
	}

}

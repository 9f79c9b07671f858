package dev.platformmaturity.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock, so that work driven by the date and time (reminders before and after a quarter's due date,
 * digests) can be tested at any moment. The one {@link Clock} bean of the application: inject it rather than asking
 * the system clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}

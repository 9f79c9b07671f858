package dev.platformmaturity.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock: what "today" is for due dates and overdue assessments. Tests
 * put a clock of their own first to move time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}

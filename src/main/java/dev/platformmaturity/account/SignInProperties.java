package dev.platformmaturity.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailures failed sign-ins for one username within {@code window} that lock it
 * @param window how far back failures count
 * @param lockout how long a locked username is refused
 */
@ConfigurationProperties("app.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("15m") Duration lockout) {
}

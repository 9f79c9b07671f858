package dev.platformmaturity.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application watches its database and answers while it is unavailable.
 *
 * @param probeInterval how often a fresh connection checks that the database is reachable
 * and writable
 * @param probeTimeout how long one check may take before it counts as a failure
 * @param retryAfter what the {@code Retry-After} header of a 503 answer asks clients to
 * wait
 */
@ConfigurationProperties("app.database")
record DatabaseProperties(@DefaultValue("1s") Duration probeInterval, @DefaultValue("2s") Duration probeTimeout,
		@DefaultValue("5s") Duration retryAfter) {
}

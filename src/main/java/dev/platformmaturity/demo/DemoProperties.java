package dev.platformmaturity.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled seed the demo organisation into an empty database; off unless set, as
 * the development entry point does
 * @param password the one password of every demo account; empty: generated and printed at
 * start-up
 */
@ConfigurationProperties("app.demo")
record DemoProperties(boolean enabled, String password) {
}

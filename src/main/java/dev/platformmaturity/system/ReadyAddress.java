package dev.platformmaturity.system;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells once, when the application first accepts requests, the address to open: with the
 * port it really listens on and its context path, for example
 * {@code Platform Maturity is ready: http://localhost:8080/}.
 */
@Component
class ReadyAddress {

	private static final Logger log = LoggerFactory.getLogger(ReadyAddress.class);

	private final Environment environment;

	private final AtomicBoolean told = new AtomicBoolean();

	ReadyAddress(Environment environment) {
		this.environment = environment;
	}

	@EventListener
	void ready(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC
				&& event.getSource() instanceof ServletWebServerApplicationContext web && web.getWebServer() != null
				&& told.compareAndSet(false, true)) {
			log.info("Platform Maturity is ready: {}",
					address(environment.getProperty("server.ssl.enabled", Boolean.class, false),
							environment.getProperty("server.address", InetAddress.class), web.getWebServer().getPort(),
							web.getServletContext().getContextPath()));
		}
	}

	/**
	 * The address to open: a server bound to every interface (or none named) is opened as
	 * localhost.
	 */
	static String address(boolean https, InetAddress boundTo, int port, String contextPath) {
		String host = boundTo == null || boundTo.isAnyLocalAddress() ? "localhost"
				: boundTo.getHostAddress().contains(":") ? "[" + boundTo.getHostAddress() + "]"
						: boundTo.getHostAddress();
		return (https ? "https" : "http") + "://" + host + ":" + port + contextPath + "/";
	}

}

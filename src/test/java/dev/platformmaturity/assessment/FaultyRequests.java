package dev.platformmaturity.assessment;

import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For tests of how the answering page copes: answers the next matching requests with an
 * error status (503 with {@code Retry-After}, as the application does during a database
 * outage), or holds them for a while before they go on, and counts the requests that
 * match. Registered before every other filter, only in the tests that import it.
 */
class FaultyRequests extends OncePerRequestFilter {

	private record Fault(String method, String path, int status, Duration delay) {

		boolean matches(HttpServletRequest request) {
			return request.getMethod().equals(method) && request.getRequestURI().contains(path);
		}

	}

	private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();

	private final Queue<String> seen = new ConcurrentLinkedQueue<>();

	/**
	 * The next {@code times} requests with this method whose path contains {@code path}
	 * answer {@code status}.
	 */
	void failNext(int times, String method, String path, int status) {
		for (int i = 0; i < times; i++) {
			faults.add(new Fault(method, path, status, Duration.ZERO));
		}
	}

	/**
	 * The next request with this method whose path contains {@code path} waits
	 * {@code delay} before it goes on.
	 */
	void delayNext(String method, String path, Duration delay) {
		faults.add(new Fault(method, path, 0, delay));
	}

	void clear() {
		faults.clear();
		seen.clear();
	}

	/**
	 * How many requests with this method and a path containing {@code path} arrived since
	 * the last {@link #clear}.
	 */
	int count(String method, String path) {
		AtomicInteger count = new AtomicInteger();
		seen.forEach(request -> {
			if (request.startsWith(method + " ") && request.contains(path)) {
				count.incrementAndGet();
			}
		});
		return count.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		seen.add(request.getMethod() + " " + request.getRequestURI());
		Fault fault = null;
		for (Fault candidate : faults) {
			if (candidate.matches(request) && faults.remove(candidate)) {
				fault = candidate;
				break;
			}
		}
		if (fault != null && fault.status() > 0) {
			response.setStatus(fault.status());
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write("{\"status\":" + fault.status() + ",\"detail\":\"Made to fail by the test\"}");
			return;
		}
		if (fault != null) {
			try {
				Thread.sleep(fault.delay().toMillis());
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		chain.doFilter(request, response);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FaultyRequests faultyRequests() {
			return new FaultyRequests();
		}

		@Bean
		FilterRegistrationBean<FaultyRequests> faultyRequestsFilter(FaultyRequests filter) {
			FilterRegistrationBean<FaultyRequests> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}

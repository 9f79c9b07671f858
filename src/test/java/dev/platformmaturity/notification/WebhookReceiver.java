package dev.platformmaturity.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver for webhook deliveries on a random port of every local address,
 * answering as the test tells it: 200, an error status, a redirect, slowly, or not until
 * the test lets it. Every request is kept.
 */
final class WebhookReceiver implements AutoCloseable {

	/** A request as received: path, headers (lower-case names) and body. */
	record Received(String path, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase());
		}

	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile String location;

	private volatile long delayMillis;

	private volatile CountDownLatch gate;

	WebhookReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress(0), 0);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/", this::handle);
		server.start();
	}

	/**
	 * The receiver's address on the loopback address given, like
	 * {@code http://127.0.0.1:4711/hook}.
	 */
	String url(String host, String path) {
		return "http://" + host + ":" + server.getAddress().getPort() + path;
	}

	String url(String path) {
		return url("127.0.0.1", path);
	}

	WebhookReceiver answering(int status) {
		this.status = status;
		return this;
	}

	WebhookReceiver redirectingTo(String location) {
		this.status = 302;
		this.location = location;
		return this;
	}

	WebhookReceiver answeringAfter(long millis) {
		this.delayMillis = millis;
		return this;
	}

	/** Holds every answer until {@link #release()}. */
	WebhookReceiver holding() {
		this.gate = new CountDownLatch(1);
		return this;
	}

	void release() {
		CountDownLatch held = gate;
		if (held != null) {
			held.countDown();
		}
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	List<Received> received(String path) {
		return received.stream().filter(request -> request.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, String> headers = exchange.getRequestHeaders()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(header -> header.getKey().toLowerCase(),
						header -> String.join(",", header.getValue()), (a, b) -> a));
			received.add(new Received(exchange.getRequestURI().getPath(), headers,
					new String(body, StandardCharsets.UTF_8)));
			CountDownLatch held = gate;
			if (held != null) {
				held.await(60, TimeUnit.SECONDS);
			}
			if (delayMillis > 0) {
				Thread.sleep(delayMillis);
			}
			if (location != null) {
				exchange.getResponseHeaders().add("Location", location);
			}
			byte[] answer = (status >= 400 ? "{\"error\": \"receiver failed on purpose\"}" : "ok")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
		catch (IOException clientLeft) {
			// the sender gave up (timeout); nothing to answer
		}
	}

	@Override
	public void close() {
		release();
		server.stop(0);
	}

}

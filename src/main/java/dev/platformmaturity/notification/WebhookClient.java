package dev.platformmaturity.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts deliveries to webhooks: through {@link WebhookAddresses} as the resolver, so only
 * checked addresses are connected to; never through a proxy; no redirects, retries,
 * cookies or authentication of its own; a whole exchange is cut off after the timeout
 * ({@code app.notification.webhook.timeout}).
 */
@Component
class WebhookClient implements DisposableBean {

	/** How much of a refusing answer's body the log keeps. */
	private static final int ANSWER_SHOWN = 200;

	/** What a receiver answered. */
	record Answer(int status, String reason, String location, String body) {

		boolean successful() {
			return status >= 200 && status < 300;
		}

		boolean redirect() {
			return status >= 300 && status < 400;
		}

	}

	private final CloseableHttpClient client;

	private final Duration timeout;

	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "webhook-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	WebhookClient(WebhookAddresses addresses, NotificationProperties properties) {
		this.timeout = properties.webhook().timeout();
		Timeout limit = Timeout.of(timeout);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(addresses)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.setMaxConnTotal(properties.parallelDeliveries() * 2)
				.setMaxConnPerRoute(properties.parallelDeliveries())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(limit)
				.setResponseTimeout(limit)
				.setRedirectsEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("PlatformMaturity-Webhook/" + WebhookPublisher.SCHEMA_VERSION)
			.build();
	}

	Answer post(String url, Map<String, String> headers, byte[] body) throws IOException {
		HttpPost post = new HttpPost(URI.create(url));
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
		ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
		try {
			return client.execute(post, response -> {
				Header location = response.getFirstHeader("Location");
				return new Answer(response.getCode(), response.getReasonPhrase(),
						location == null ? null : location.getValue(),
						response.getEntity() == null ? "" : start(response.getEntity().getContent()));
			});
		}
		catch (IOException failed) {
			if (post.isCancelled()) {
				throw new InterruptedIOException("the exchange took longer than " + timeout.toSeconds() + " s");
			}
			throw failed;
		}
		finally {
			deadline.cancel(false);
		}
	}

	Duration timeout() {
		return timeout;
	}

	private static String start(InputStream body) throws IOException {
		try (body) {
			return new String(body.readNBytes(ANSWER_SHOWN * 4), StandardCharsets.UTF_8).strip();
		}
	}

	@Override
	public void destroy() throws IOException {
		deadlines.shutdownNow();
		client.close();
	}

}

package dev.platformmaturity.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The number of concurrent renders follows the heap; beyond it a request waits briefly,
 * then is refused.
 */
class RenderLimitTest {

	private static final long MB = 1 << 20;

	@Test
	void rendersAtOnceFollowTheHeapAndTheProcessors() {
		assertThat(RenderLimit.fromHeap(128 * MB, 2)).as("always at least one").isEqualTo(1);
		assertThat(RenderLimit.fromHeap(256 * MB, 2)).isEqualTo(2);
		assertThat(RenderLimit.fromHeap(384 * MB, 2)).isEqualTo(4);
		assertThat(RenderLimit.fromHeap(6144 * MB, 2)).as("two per processor").isEqualTo(4);
		assertThat(RenderLimit.fromHeap(6144 * MB, 16)).isEqualTo(32);
		assertThat(RenderLimit.fromHeap(1024 * MB, 16)).as("what the heap allows").isEqualTo(17);
	}

	@Test
	void aSettingOverridesTheHeap() {
		assertThat(limit(3, Duration.ofMillis(10)).renders()).isEqualTo(3);
	}

	@Test
	void aRequestBeyondTheLimitWaitsThenIsRefusedWithRetryAfter() {
		RenderLimit limit = limit(2, Duration.ofMillis(200));
		List<RenderLimit.Permit> held = new ArrayList<>(List.of(limit.acquire(), limit.acquire()));

		long start = System.nanoTime();
		assertThatExceptionOfType(ReportsBusyException.class).isThrownBy(limit::acquire).satisfies(busy -> {
			assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
			assertThat(busy.getDetailMessageCode()).isEqualTo("report.busy");
		});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it waited in line first")
			.isGreaterThanOrEqualTo(Duration.ofMillis(200));

		held.remove(0).close();
		try (RenderLimit.Permit next = limit.acquire()) {
			assertThat(next).isNotNull();
		}
		held.forEach(RenderLimit.Permit::close);
	}

	private static RenderLimit limit(int renders, Duration queueWait) {
		return new RenderLimit(new ReportProperties(ReportProperties.PageSize.A4, "", 150, renders, queueWait));
	}

}

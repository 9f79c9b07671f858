package dev.platformmaturity.report;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * How many PDF reports render at once, so that memory stays bounded whatever the number
 * of requests. Each render holds a parsed font set and the layout of one part (a team
 * report, or at most {@code app.report.teams-per-part} teams of an organisation report).
 * The number comes from {@code app.report.concurrent-renders}, or else from the heap:
 * what is left after the rest of the application, shared out at a measured peak per
 * render, at most two per processor. A request beyond it waits in line up to
 * {@code app.report.queue-wait}, then gets 503 with Retry-After.
 */
@Component
class RenderLimit {

	/**
	 * Heap the application needs besides reports: about 70 MB live once started (model,
	 * caches, Hibernate), and room for pages, sessions and the collector's work.
	 */
	static final long RESERVED_HEAP = 150L << 20;

	/**
	 * Live heap of one render at its peak: four organisation reports of 2,000 teams
	 * rendered at once with {@code -Xmx384m} held at most 275 MB live, 70 MB of it the
	 * application's own (about 30 MB a render most of the time, 50 MB at worst).
	 */
	static final long HEAP_PER_RENDER = 50L << 20;

	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(RenderLimit.class);

	private final int renders;

	private final Semaphore permits;

	private final Duration queueWait;

	RenderLimit(ReportProperties properties) {
		this.renders = properties.concurrentRenders() > 0 ? properties.concurrentRenders()
				: fromHeap(Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
		this.permits = new Semaphore(renders, true);
		this.queueWait = properties.queueWait();
		log.info("PDF reports: {} at once (heap {} MB), further requests wait up to {} s", renders,
				Runtime.getRuntime().maxMemory() >> 20, queueWait.toSeconds());
	}

	static int fromHeap(long maxHeap, int processors) {
		long renders = (maxHeap - RESERVED_HEAP) / HEAP_PER_RENDER;
		return (int) Math.max(1, Math.min(renders, 2L * processors));
	}

	/** How many reports render at once. */
	int renders() {
		return renders;
	}

	/** Held while a report renders. */
	interface Permit extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * A permit, waiting in line for one up to the queue wait; else
	 * {@link ReportsBusyException}.
	 */
	Permit acquire() {
		try {
			if (!permits.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new ReportsBusyException(RETRY_AFTER);
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new ReportsBusyException(RETRY_AFTER);
		}
		return permits::release;
	}

}

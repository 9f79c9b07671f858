package dev.platformmaturity.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize {@code A4} or {@code LETTER}
 * @param organisation the organisation's name on the title of every report
 * @param teamsPerPart teams per rendered part of the organisation report: bounds the
 * memory a report needs
 * @param concurrentRenders reports rendered at once; 0 to derive it from the heap
 * ({@link RenderLimit})
 * @param queueWait how long a report waits for a render to finish before the answer is
 * 503
 */
@ConfigurationProperties("app.report")
record ReportProperties(@DefaultValue("A4") PageSize pageSize, @DefaultValue("") String organisation,
		@DefaultValue("150") int teamsPerPart, @DefaultValue("0") int concurrentRenders,
		@DefaultValue("5s") Duration queueWait) {

	enum PageSize {

		A4(210, 297), LETTER(215.9f, 279.4f);

		final float widthMm;

		final float heightMm;

		PageSize(float widthMm, float heightMm) {
			this.widthMm = widthMm;
			this.heightMm = heightMm;
		}

	}

}

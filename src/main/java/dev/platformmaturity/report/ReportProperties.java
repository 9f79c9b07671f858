package dev.platformmaturity.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize {@code A4} or {@code LETTER}
 * @param organisation the organisation's name on the title of every report
 * @param teamsPerPart teams per rendered part of the organisation report: bounds the memory a report needs
 */
@ConfigurationProperties("app.report")
record ReportProperties(@DefaultValue("A4") PageSize pageSize, @DefaultValue("") String organisation,
		@DefaultValue("150") int teamsPerPart) {

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

/**
 * Server-side SVG charts (radar, line) that render the same in browsers and in PDFs made with openhtmltopdf and Batik.
 */
@ApplicationModule(allowedDependencies = {})
package dev.platformmaturity.chart;

import org.springframework.modulith.ApplicationModule;

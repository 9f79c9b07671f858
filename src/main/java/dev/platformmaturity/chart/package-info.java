/**
 * Server-side charts (radar, line): each drawn once as a
 * {@link dev.platformmaturity.chart.Chart} of shapes, written as SVG for pages and drawn
 * as vectors into PDF reports.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package dev.platformmaturity.chart;

import org.springframework.modulith.ApplicationModule;

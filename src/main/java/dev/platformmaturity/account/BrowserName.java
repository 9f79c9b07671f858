package dev.platformmaturity.account;

import java.util.List;
import java.util.Map;

/**
 * A short, readable name for a User-Agent, such as "Firefox on Windows"; the raw value
 * when it is not known.
 */
final class BrowserName {

	private static final List<Map.Entry<String, String>> BROWSERS = List.of(Map.entry("Edg/", "Edge"),
			Map.entry("OPR/", "Opera"), Map.entry("Firefox/", "Firefox"), Map.entry("Chrome/", "Chrome"),
			Map.entry("Chromium/", "Chromium"), Map.entry("Safari/", "Safari"), Map.entry("curl/", "curl"));

	private static final List<Map.Entry<String, String>> SYSTEMS = List.of(Map.entry("Android", "Android"),
			Map.entry("iPhone", "iOS"), Map.entry("iPad", "iPadOS"), Map.entry("Windows", "Windows"),
			Map.entry("Mac OS X", "macOS"), Map.entry("CrOS", "ChromeOS"), Map.entry("Linux", "Linux"));

	private BrowserName() {
	}

	static String describe(Object userAgent) {
		if (!(userAgent instanceof String agent) || agent.isBlank()) {
			return "";
		}
		String browser = first(BROWSERS, agent);
		String system = first(SYSTEMS, agent);
		if (browser == null) {
			return agent.length() > 60 ? agent.substring(0, 60) + "…" : agent;
		}
		return system == null ? browser : browser + " · " + system;
	}

	private static String first(List<Map.Entry<String, String>> names, String agent) {
		return names.stream()
			.filter(name -> agent.contains(name.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}

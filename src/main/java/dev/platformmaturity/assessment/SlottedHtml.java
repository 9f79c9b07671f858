package dev.platformmaturity.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTML rendered once with marked slots where a request's values go:
 * {@code \uE000name\uE001} (characters of Unicode's private use area, which neither the
 * model's texts nor the templates use). Filling it is a concatenation; the values must be
 * HTML already (escaped text, or markup rendered by a template).
 */
final class SlottedHtml {

	static final char START = '\uE000';

	static final char END = '\uE001';

	/** Literal HTML at even positions, slot names at odd positions. */
	private final List<String> parts;

	private final int length;

	private SlottedHtml(List<String> parts) {
		this.parts = List.copyOf(parts);
		this.length = parts.stream().mapToInt(String::length).sum();
	}

	static SlottedHtml parse(String html) {
		List<String> parts = new ArrayList<>();
		int from = 0;
		int start;
		while ((start = html.indexOf(START, from)) >= 0) {
			int end = html.indexOf(END, start);
			if (end < 0) {
				throw new IllegalArgumentException("Unclosed slot at " + start);
			}
			parts.add(html.substring(from, start));
			parts.add(html.substring(start + 1, end));
			from = end + 1;
		}
		parts.add(html.substring(from));
		return new SlottedHtml(parts);
	}

	/** The names of the slots, in order. */
	List<String> slots() {
		List<String> slots = new ArrayList<>();
		for (int i = 1; i < parts.size(); i += 2) {
			slots.add(parts.get(i));
		}
		return slots;
	}

	/**
	 * The HTML with every slot filled; a slot without a value is a mistake of the caller.
	 */
	String fill(Map<String, String> values) {
		StringBuilder html = new StringBuilder(length + 4096);
		for (int i = 0; i < parts.size(); i++) {
			if (i % 2 == 0) {
				html.append(parts.get(i));
			}
			else {
				String value = values.get(parts.get(i));
				if (value == null) {
					throw new IllegalStateException("No value for the slot " + parts.get(i));
				}
				html.append(value);
			}
		}
		return html.toString();
	}

}

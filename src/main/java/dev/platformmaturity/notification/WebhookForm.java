package dev.platformmaturity.notification;

import java.util.List;

/**
 * A webhook as an administrator types it: a name, the address, the events it wants (their
 * names, like {@code quarter.opened}), the language of its texts, whether it is on, and
 * the version when editing.
 */
record WebhookForm(Long version, String name, String url, List<String> events, String language, Boolean enabled) {

	static WebhookForm empty() {
		return new WebhookForm(0L, "", "", List.of(), "en", true);
	}

	List<String> chosenEvents() {
		return events == null ? List.of() : events;
	}

	boolean active() {
		return enabled == null || enabled;
	}

	long expectedVersion() {
		return version == null ? -1 : version;
	}

}

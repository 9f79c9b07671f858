package dev.platformmaturity.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The browser sessions of a person, kept in the database and so shared by every instance:
 * listed on *Your account* and ended when the person's access changes. A request of an
 * ended session finds no session on any instance.
 */
@Component
class PersonSessions {

	private static final Logger log = LoggerFactory.getLogger(PersonSessions.class);

	/** The session attribute with the browser (User-Agent) that signed in. */
	static final String BROWSER = PersonSessions.class.getName() + ".browser";

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	PersonSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** One session of a person; {@code current} for the one the request came with. */
	record SessionInfo(Instant started, Instant lastUsed, String browser, boolean current) {
	}

	/** Remembers which browser signed in, for the list on *Your account*. */
	static void rememberBrowser(HttpServletRequest request) {
		var session = request.getSession(false);
		String agent = request.getHeader(HttpHeaders.USER_AGENT);
		if (session != null && agent != null) {
			session.setAttribute(BROWSER, agent.length() > 300 ? agent.substring(0, 300) : agent);
		}
	}

	List<SessionInfo> of(String username, String currentSession) {
		return sessions.findByPrincipalName(username)
			.values()
			.stream()
			.filter(session -> !session.isExpired())
			.map(session -> new SessionInfo(session.getCreationTime(), session.getLastAccessedTime(),
					BrowserName.describe(session.getAttribute(BROWSER)), session.getId().equals(currentSession)))
			.sorted(Comparator.comparing(SessionInfo::current)
				.reversed()
				.thenComparing(SessionInfo::lastUsed, Comparator.reverseOrder()))
			.toList();
	}

	/**
	 * Ends every session of the person but {@code kept} (which may be null); returns how
	 * many ended.
	 */
	int endAll(String username, String kept) {
		Map<String, ? extends Session> open = sessions.findByPrincipalName(username);
		int ended = 0;
		for (String id : open.keySet()) {
			if (!id.equals(kept)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void accessChanged(AccessChanged change) {
		int ended = endAll(change.username(), change.keptSession());
		if (ended > 0) {
			log.info("Ended {} session(s) of {} after a change of their access", ended, change.username());
		}
	}

}

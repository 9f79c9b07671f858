package dev.platformmaturity.account;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sessions in PostgreSQL, written back only when something worth keeping changed.
 * Spring Session moves a session's last use on every request and so writes the session
 * row on every request; here a request that changed nothing but the last use writes it
 * only when the stored last use is {@link #LAST_USE_PRECISION} or more behind. A session
 * therefore expires at most that much earlier than its timeout after its last request,
 * and *Your account* shows its last use to that precision; new sessions, changed
 * attributes (signing in, the CSRF token), a changed id or timeout are written at once,
 * and ending a session deletes it as before.
 */
class SparingSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<SparingSessionRepository.StoredSession<S>> {

	static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	/** The sessions saved in the current request, by id; absent outside requests. */
	private static final ThreadLocal<Map<String, Session>> SAVED_IN_REQUEST = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<S> store;

	SparingSessionRepository(FindByIndexNameSessionRepository<S> store) {
		this.store = store;
	}

	@Override
	public StoredSession<S> createSession() {
		return new StoredSession<>(store.createSession(), null);
	}

	@Override
	public void save(StoredSession<S> session) {
		if (session.needsWriting()) {
			store.save(session.session);
			session.written();
		}
		Map<String, Session> saved = SAVED_IN_REQUEST.get();
		if (saved != null) {
			saved.put(session.getId(), session);
		}
	}

	/** Runs {@code request}, reading each session it saves at most once. */
	static void withinRequest(Request request) throws IOException, ServletException {
		SAVED_IN_REQUEST.set(new HashMap<>(2));
		try {
			request.run();
		}
		finally {
			SAVED_IN_REQUEST.remove();
		}
	}

	@FunctionalInterface
	interface Request {

		void run() throws IOException, ServletException;

	}

	@Override
	@SuppressWarnings("unchecked")
	public StoredSession<S> findById(String id) {
		Map<String, Session> saved = SAVED_IN_REQUEST.get();
		if (saved != null && saved.get(id) instanceof StoredSession<?> savedNow) {
			return (StoredSession<S>) savedNow;
		}
		S found = store.findById(id);
		return (found != null) ? new StoredSession<>(found, found.getLastAccessedTime()) : null;
	}

	@Override
	public void deleteById(String id) {
		Map<String, Session> saved = SAVED_IN_REQUEST.get();
		if (saved != null) {
			saved.remove(id);
		}
		store.deleteById(id);
	}

	@Override
	public Map<String, StoredSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, StoredSession<S>> found = new LinkedHashMap<>();
		store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new StoredSession<>(session, session.getLastAccessedTime())));
		return found;
	}

	/**
	 * A session as read from (or about to be inserted into) the database, knowing whether
	 * more than its last use changed since.
	 */
	static final class StoredSession<S extends Session> implements Session {

		private final S session;

		/** The last use as stored; null for a session not stored yet. */
		private Instant storedLastUse;

		private boolean changed;

		private StoredSession(S session, Instant storedLastUse) {
			this.session = session;
			this.storedLastUse = storedLastUse;
		}

		private boolean needsWriting() {
			return changed || storedLastUse == null
					|| Duration.between(storedLastUse, getLastAccessedTime()).compareTo(LAST_USE_PRECISION) >= 0;
		}

		private void written() {
			storedLastUse = getLastAccessedTime();
			changed = false;
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public String changeSessionId() {
			changed = true;
			return session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			changed = true;
			session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			changed = true;
			session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed = true;
			session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return session.isExpired();
		}

	}

}

package dev.platformmaturity.account;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;

import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.StatementCounter;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session's last use is written at most once a minute; every other change at once.
 */
@IntegrationTest
class SparingSessionRepositoryTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SparingSessionRepository<?> sessions;

	@Test
	void requestsWithinAMinuteOfTheStoredLastUseDoNotWriteTheSession() throws Exception {
		TestData.Person member = data.person(Role.MEMBER);
		Cookie session = signIn(member);
		long signedIn = storedLastUse(member);

		List<String> sent = StatementCounter.sent(() -> request(session));

		assertThat(sent).noneMatch(sql -> sql.toLowerCase(Locale.ROOT).startsWith("update spring_session"));
		assertThat(sent).anyMatch(sql -> sql.toLowerCase(Locale.ROOT).contains("from spring_session"));
		assertThat(storedLastUse(member)).isEqualTo(signedIn);

		long minuteAndMore = SparingSessionRepository.LAST_USE_PRECISION.toMillis() + 1_000;
		jdbc.sql("update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?"
				+ " where principal_name = ?")
			.params(minuteAndMore, minuteAndMore, member.username())
			.update();
		long movedBack = storedLastUse(member);

		request(session);

		assertThat(storedLastUse(member)).isGreaterThanOrEqualTo(movedBack + minuteAndMore);
	}

	@Test
	void aPageThatCommitsItsResponseEarlyReadsTheSessionOnce() throws Exception {
		Cookie session = signIn(data.person(Role.MEMBER));

		List<String> sent = StatementCounter.sent(() -> {
			try {
				mvc.perform(get("/").cookie(session))
					.andExpect(status().isOk())
					.andExpect(result -> assertThat(result.getResponse().isCommitted()).isTrue());
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		});

		assertThat(sent).filteredOn(sql -> sql.toLowerCase(Locale.ROOT).contains("from spring_session")).hasSize(1);
	}

	@Test
	void changedAttributesIdsAndTimeoutsAreWrittenAtOnce() {
		writesEveryChangeButTheLastUse(sessions);
	}

	private <S extends Session> void writesEveryChangeButTheLastUse(SparingSessionRepository<S> repository) {
		var created = repository.createSession();
		created.setAttribute("colour", "blue");
		repository.save(created);

		var read = repository.findById(created.getId());
		read.setLastAccessedTime(read.getLastAccessedTime().plusSeconds(5));
		read.setAttribute("colour", "绿色 🌿");
		read.setMaxInactiveInterval(Duration.ofMinutes(7));
		String oldId = read.getId();
		String newId = read.changeSessionId();
		repository.save(read);

		assertThat(repository.findById(oldId)).isNull();
		var again = repository.findById(newId);
		assertThat((String) again.getAttribute("colour")).isEqualTo("绿色 🌿");
		assertThat(again.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(7));
		assertThat(again.getLastAccessedTime()).isEqualTo(read.getLastAccessedTime());

		again.setLastAccessedTime(again.getLastAccessedTime().plusSeconds(30));
		repository.save(again);
		assertThat(repository.findById(newId).getLastAccessedTime()).isEqualTo(read.getLastAccessedTime());

		repository.deleteById(newId);
		assertThat(repository.findById(newId)).isNull();
	}

	private void request(Cookie session) {
		try {
			mvc.perform(get("/api/v1/teams").cookie(session)).andExpect(status().isOk());
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

	private long storedLastUse(TestData.Person person) {
		return jdbc.sql("select last_access_time from spring_session where principal_name = ?")
			.param(person.username())
			.query(Long.class)
			.single();
	}

	private Cookie signIn(TestData.Person person) throws Exception {
		return mvc.perform(
				post("/login").with(csrf()).param("username", person.username()).param("password", TestData.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

}

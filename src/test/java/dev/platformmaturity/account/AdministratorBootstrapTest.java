package dev.platformmaturity.account;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first administrator. Each test starts from a database without an enabled
 * administrator (inside a transaction that is rolled back afterwards).
 */
@IntegrationTest
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class AdministratorBootstrapTest {

	@Autowired
	Accounts accounts;

	@Autowired
	AuthenticationManager authentication;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noAdministrator() {
		jdbc.sql("update person set enabled = false, username = username || '-old-' || id where role = 'ADMIN'")
			.update();
	}

	@Test
	void createsAdminWithTheConfiguredPassword() {
		new AdministratorBootstrap(accounts, "a configured password").run(null);

		assertThat(accounts.findByUsername("admin"))
			.hasValueSatisfying(admin -> assertThat(admin.role()).isEqualTo(Role.ADMIN));
		assertThat(authentication
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "a configured password"))
			.isAuthenticated()).isTrue();
	}

	@Test
	void withoutAConfiguredPasswordGeneratesOneAndPrintsItOnce(CapturedOutput output) {
		new AdministratorBootstrap(accounts, "").run(null);

		String password = output.getOut().replaceAll("(?s).*password: (\\S+).*", "$1");
		assertThat(output.getOut()).contains("Created the first administrator", "username: admin");
		assertThat(authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", password))
			.isAuthenticated()).isTrue();
	}

	@Test
	void refusesAWeakConfiguredPassword() {
		assertThatThrownBy(() -> new AdministratorBootstrap(accounts, "short").run(null))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("APP_ADMIN_PASSWORD is not acceptable");
		assertThat(accounts.findByUsername("admin")).isEmpty();
	}

	@Test
	void doesNothingWhenAnAdministratorExists() {
		new AdministratorBootstrap(accounts, "a configured password").run(null);
		new AdministratorBootstrap(accounts, "another configured password").run(null);

		assertThat(authentication
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "a configured password"))
			.isAuthenticated()).isTrue();
	}

}

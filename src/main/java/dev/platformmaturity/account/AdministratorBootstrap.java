package dev.platformmaturity.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a start with no enabled administrator, creates {@code admin} with the password from
 * {@code APP_ADMIN_PASSWORD}, or a generated one printed once to the log.
 */
@Component
@Order(100)
class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	static final String USERNAME = "admin";

	private final Accounts accounts;

	private final String configuredPassword;

	AdministratorBootstrap(Accounts accounts, @Value("${app.admin.password:}") String configuredPassword) {
		this.accounts = accounts;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.anyEnabledAdministrator()) {
			return;
		}
		boolean generated = configuredPassword.isEmpty();
		String password = generated ? Passwords.generate() : configuredPassword;
		PasswordPolicy.problem(password, USERNAME).ifPresent(problem -> {
			throw new IllegalStateException("APP_ADMIN_PASSWORD is not acceptable (" + problem + "): use at least "
					+ PasswordPolicy.MIN_LENGTH + " characters, not containing the username");
		});
		SystemTask
			.run(() -> accounts.create(new NewPerson(USERNAME, "Administrator", null, "en", Role.ADMIN, password)));
		if (generated) {
			log.warn("""

					==========================================================================
					  Created the first administrator. Sign in and change this password:
					    username: {}
					    password: {}
					  (shown once; set APP_ADMIN_PASSWORD to choose it yourself)
					==========================================================================""", USERNAME, password);
		}
		else {
			log.info("Created the first administrator '{}' with the password from APP_ADMIN_PASSWORD", USERNAME);
		}
	}

}

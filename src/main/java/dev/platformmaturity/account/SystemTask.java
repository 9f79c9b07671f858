package dev.platformmaturity.account;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work the application does on its own (start-up tasks such as the first
 * administrator or demo data) with administrator rights, so that the same secured
 * services serve people and the system.
 */
public final class SystemTask {

	private SystemTask() {
	}

	public static <T> T run(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext system = SecurityContextHolder.createEmptyContext();
		system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		SecurityContextHolder.setContext(system);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void run(Runnable work) {
		run(() -> {
			work.run();
			return null;
		});
	}

}

package dev.platformmaturity.system;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current CSRF token, for a page whose session was renewed (signed in again) while it
 * stayed open.
 */
@RestController
class CsrfController {

	record Token(String headerName, String token) {
	}

	@GetMapping("/api/v1/csrf")
	Token csrf(CsrfToken token) {
		return new Token(token.getHeaderName(), token.getToken());
	}

}

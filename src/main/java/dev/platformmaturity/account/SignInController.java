package dev.platformmaturity.account;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class SignInController {

	/** Where a page sent with an expired security (CSRF) token is answered. */
	static final String PAGE_EXPIRED = "/sign-in/page-expired";

	private final IdentityProviders providers;

	private final SignInProperties properties;

	SignInController(IdentityProviders providers, SignInProperties properties) {
		this.providers = providers;
		this.properties = properties;
	}

	@GetMapping("/login")
	String signIn(Authentication authentication, HttpSession session, Model page) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		page.addAttribute("username", session.getAttribute(SecurityConfiguration.SIGN_IN_USERNAME));
		session.removeAttribute(SecurityConfiguration.SIGN_IN_USERNAME);
		page.addAttribute("providerProblem", session.getAttribute(SecurityConfiguration.SIGN_IN_PROBLEM));
		session.removeAttribute(SecurityConfiguration.SIGN_IN_PROBLEM);
		page.addAttribute("providers", providers.links());
		page.addAttribute("localPasswords", properties.localPasswords());
		page.addAttribute("recoveryOnly", !properties.localPasswords() && properties.recoveryAdministrator());
		return "account/login";
	}

	/**
	 * The page's security token expired (its session was renewed or ended): reload the
	 * page.
	 */
	@RequestMapping(PAGE_EXPIRED)
	String pageExpired() {
		return "account/page-expired";
	}

}

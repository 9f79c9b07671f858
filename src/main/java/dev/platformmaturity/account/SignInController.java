package dev.platformmaturity.account;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

	@GetMapping("/login")
	String signIn(Authentication authentication, HttpSession session, Model page) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		Object username = session.getAttribute(SecurityConfiguration.SIGN_IN_USERNAME);
		session.removeAttribute(SecurityConfiguration.SIGN_IN_USERNAME);
		page.addAttribute("username", username);
		return "account/login";
	}

}

package dev.platformmaturity.account;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.shared.FormErrors;

/**
 * A person's own account: name, e-mail, language, password, sessions and personal access
 * tokens.
 */
@Controller
class AccountController {

	private final Accounts accounts;

	private final PersonSessions sessions;

	private final AccessTokens tokens;

	private final LocaleResolver locales;

	AccountController(Accounts accounts, PersonSessions sessions, AccessTokens tokens, LocaleResolver locales) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.tokens = tokens;
		this.locales = locales;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal AccountUser user, HttpSession session, Model page) {
		PersonInfo person = accounts.find(user.personId())
			.orElseThrow(() -> new PersonNotFoundException(user.personId()));
		page.addAttribute("person", person);
		page.addAttribute("hasPassword", accounts.hasPassword(user.personId()));
		if (!page.containsAttribute("profileChange")) {
			page.addAttribute("profileChange",
					new ProfileChange(person.displayName(), person.email(), person.language()));
		}
		if (!page.containsAttribute("passwordForm")) {
			page.addAttribute("passwordForm", new PasswordForm("", "", ""));
		}
		if (!page.containsAttribute("tokenForm")) {
			page.addAttribute("tokenForm", new TokenForm("", tokens.latestExpiry().minusMonths(9), AccessScope.READ));
		}
		page.addAttribute("sessions", sessions.of(user.getUsername(), session.getId()));
		page.addAttribute("tokens", tokens.of(user.personId()));
		page.addAttribute("latestExpiry", tokens.latestExpiry());
		return "account/account";
	}

	@PostMapping("/account/profile")
	String updateProfile(@AuthenticationPrincipal AccountUser user,
			@ModelAttribute("profileChange") ProfileChange change, BindingResult errors, HttpSession session,
			Model page, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				accounts.updateProfile(user.personId(), change);
				locales.setLocale(request, response, Locale.forLanguageTag(change.language()));
				redirect.addFlashAttribute("notice", "account.profile.saved");
				return "redirect:/account";
			}
			catch (InvalidPersonException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return account(user, session, page);
	}

	/** Other sessions end; this one continues under a new id. */
	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountUser user, @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult errors, HttpServletRequest request, Model page, RedirectAttributes redirect) {
		if (!form.confirmed() && form.newPassword() != null && !form.newPassword().isEmpty()) {
			errors.rejectValue("confirmPassword", "password.confirmMismatch");
		}
		if (!errors.hasErrors()) {
			try {
				accounts.changePassword(user.personId(), form.currentPassword(), form.newPassword(),
						request.getSession().getId());
				request.changeSessionId();
				redirect.addFlashAttribute("notice", "account.password.changed");
				return "redirect:/account";
			}
			catch (InvalidPersonException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return account(user, request.getSession(), page);
	}

	@PostMapping("/account/sessions/end-others")
	String endOtherSessions(@AuthenticationPrincipal AccountUser user, HttpSession session,
			RedirectAttributes redirect) {
		int ended = sessions.endAll(user.getUsername(), session.getId());
		redirect.addFlashAttribute("notice", "account.sessions.ended");
		redirect.addFlashAttribute("noticeArgument", ended);
		return "redirect:/account#sessions";
	}

	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal AccountUser user, @ModelAttribute("tokenForm") TokenForm form,
			BindingResult errors, HttpSession session, Model page) {
		if (!errors.hasErrors()) {
			try {
				page.addAttribute("createdToken", tokens.create(user.personId(), form));
				page.addAttribute("tokenForm",
						new TokenForm("", tokens.latestExpiry().minusMonths(9), AccessScope.READ));
			}
			catch (InvalidPersonException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return account(user, session, page);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal AccountUser user, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				tokens.revoke(user.personId(), id) ? "account.tokens.revoked" : "account.tokens.notFound");
		return "redirect:/account#tokens";
	}

}

package dev.platformmaturity.account;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.shared.FormErrors;

/** A person's own account: name, e-mail, language and password. */
@Controller
class AccountController {

	private final Accounts accounts;

	private final LocaleResolver locales;

	AccountController(Accounts accounts, LocaleResolver locales) {
		this.accounts = accounts;
		this.locales = locales;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal AccountUser user, Model page) {
		PersonInfo person = accounts.find(user.personId()).orElseThrow(() -> new PersonNotFoundException(user.personId()));
		page.addAttribute("person", person);
		if (!page.containsAttribute("profileForm")) {
			page.addAttribute("profileForm", new ProfileForm(person.displayName(), person.email(), person.language()));
		}
		if (!page.containsAttribute("passwordForm")) {
			page.addAttribute("passwordForm", new PasswordForm("", "", ""));
		}
		return "account/account";
	}

	@PostMapping("/account/profile")
	String updateProfile(@AuthenticationPrincipal AccountUser user, @Valid @ModelAttribute("profileForm") ProfileForm form,
			BindingResult errors, Model page, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				accounts.updateProfile(user.personId(), form.displayName(), form.email(), form.language());
				locales.setLocale(request, response, Locale.forLanguageTag(form.language()));
				redirect.addFlashAttribute("notice", "account.profile.saved");
				return "redirect:/account";
			}
			catch (InvalidPersonException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return account(user, page);
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountUser user,
			@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, Model page,
			RedirectAttributes redirect) {
		if (!form.confirmed() && !errors.hasFieldErrors("newPassword")) {
			errors.rejectValue("confirmPassword", "password.confirmMismatch");
		}
		if (!errors.hasErrors()) {
			try {
				accounts.changePassword(user.personId(), form.currentPassword(), form.newPassword());
				redirect.addFlashAttribute("notice", "account.password.changed");
				return "redirect:/account";
			}
			catch (InvalidPersonException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return account(user, page);
	}

}

package dev.platformmaturity.notification;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.account.AccountUser;

/**
 * The e-mail choices on <em>Your account</em> (the section
 * {@code notification/preferences} of the page).
 */
@Controller
class EmailPreferencesController {

	/** The kinds of e-mail the person wants (the ticked boxes). */
	record PreferencesForm(List<EmailKind> receive) {
	}

	private final EmailPreferences preferences;

	private final MessageSource messages;

	EmailPreferencesController(EmailPreferences preferences, MessageSource messages) {
		this.preferences = preferences;
		this.messages = messages;
	}

	@PostMapping("/account/notifications")
	String choose(@AuthenticationPrincipal AccountUser user, @ModelAttribute PreferencesForm form, BindingResult errors,
			Locale locale, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("problem",
					messages.getMessage("notification.preferences.invalid", null, locale));
		}
		else {
			preferences.choose(user.personId(), user.role(), form.receive() == null ? List.of() : form.receive());
			redirect.addFlashAttribute("notice", "notification.preferences.saved");
		}
		return "redirect:/account#notifications";
	}

}

package dev.platformmaturity.notification;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.shared.FormErrors;
import dev.platformmaturity.shared.PageNumbers;

/**
 * Administrators: whether notifications are on, the settings (reminder days, digest day),
 * and the log of every e-mail and delivery with its outcome and a retry button for failed
 * ones.
 */
@Controller
@RequestMapping("/admin/notifications")
class NotificationAdminController {

	static final int LOG_PAGE = 50;

	private final NotificationSettings settings;

	private final NotificationChannels channels;

	private final NotificationProperties properties;

	private final Outbox outbox;

	private final OutboxSender sender;

	private final MessageSource messages;

	NotificationAdminController(NotificationSettings settings, NotificationChannels channels,
			NotificationProperties properties, Outbox outbox, OutboxSender sender, MessageSource messages) {
		this.messages = messages;
		this.settings = settings;
		this.channels = channels;
		this.properties = properties;
		this.outbox = outbox;
		this.sender = sender;
	}

	/** A day of the week in the digest day's list. */
	record DayOption(String value, String label) {
	}

	@GetMapping
	String overview(Model page, Locale locale) {
		if (!page.containsAttribute("settingsForm")) {
			NotificationSettings.Settings current = settings.current();
			page.addAttribute("settingsForm",
					new SettingsForm(current.reminderDaysText(), current.digestDay(), current.version()));
		}
		page.addAttribute("emailOn", channels.emailOn());
		page.addAttribute("smtpServer", channels.smtpServer());
		page.addAttribute("mailFrom", properties.mailFrom());
		page.addAttribute("publicBaseUrl", properties.publicBaseUrl());
		page.addAttribute("webhooks", channels.enabledWebhooks());
		page.addAttribute("reminderTime", properties.reminderTime());
		page.addAttribute("timeZone", properties.zone().getId());
		page.addAttribute("days",
				Arrays.stream(DayOfWeek.values())
					.map(day -> new DayOption(day.name(), day.getDisplayName(TextStyle.FULL, locale)))
					.toList());
		page.addAttribute("latestReminderDay", NotificationSettings.LATEST_REMINDER_DAY);
		page.addAttribute("maxReminderDays", NotificationSettings.MAX_REMINDER_DAYS);
		page.addAttribute("failed", outbox.count(Outbox.Status.FAILED));
		return "notification/settings";
	}

	@PostMapping("/settings")
	String saveSettings(@AuthenticationPrincipal AccountUser user, @ModelAttribute("settingsForm") SettingsForm form,
			BindingResult errors, Model page, Locale locale, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				settings.update(form, user.personId());
				redirect.addFlashAttribute("notice", "notification.settings.saved");
				return "redirect:/admin/notifications";
			}
			catch (NotificationSettings.InvalidSettingsException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return overview(page, locale);
	}

	@GetMapping("/log")
	String log(@RequestParam(required = false) Outbox.Status status,
			@RequestParam(name = "page", defaultValue = "0") int pageNumber, Model page) {
		page.addAttribute("entries",
				PageNumbers.within(pageNumber, LOG_PAGE, Sort.unsorted(), pageable -> outbox.log(status, pageable)));
		page.addAttribute("status", status);
		page.addAttribute("statuses", Outbox.Status.values());
		return "notification/log";
	}

	@PostMapping("/log/{id}/retry")
	String retry(@PathVariable long id, @RequestParam(required = false) Outbox.Status status, Locale locale,
			RedirectAttributes redirect) {
		if (outbox.retry(id)) {
			sender.wakeUp();
			redirect.addFlashAttribute("notice", "notification.log.retrying");
			redirect.addFlashAttribute("noticeArgument", id);
		}
		else {
			redirect.addFlashAttribute("problem",
					messages.getMessage("notification.log.notFailed", new Object[] { id }, locale));
		}
		return "redirect:/admin/notifications/log" + (status == null ? "" : "?status=" + status);
	}

}

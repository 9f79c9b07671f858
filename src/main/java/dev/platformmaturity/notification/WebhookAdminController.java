package dev.platformmaturity.notification;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.shared.FormErrors;

/**
 * Administrators register webhooks, change and remove them, see each one's secret and
 * latest deliveries, and send a test event. Sending happens in the background: the page
 * only records the test delivery.
 */
@Controller
@RequestMapping("/admin/notifications/webhooks")
class WebhookAdminController {

	static final int DELIVERIES_SHOWN = 20;

	private final Webhooks webhooks;

	private final Outbox outbox;

	private final OutboxSender sender;

	private final WebhookAddresses addresses;

	WebhookAdminController(Webhooks webhooks, Outbox outbox, OutboxSender sender, WebhookAddresses addresses) {
		this.webhooks = webhooks;
		this.outbox = outbox;
		this.sender = sender;
		this.addresses = addresses;
	}

	@ModelAttribute("events")
	List<String> events() {
		return Arrays.stream(WebhookEvent.values())
			.filter(WebhookEvent::subscribable)
			.map(WebhookEvent::eventName)
			.toList();
	}

	@ModelAttribute("httpAllowed")
	boolean httpAllowed() {
		return addresses.httpAllowed();
	}

	@GetMapping
	String list(Model page) {
		page.addAttribute("webhooks", webhooks.all());
		if (!page.containsAttribute("webhookForm")) {
			page.addAttribute("webhookForm", WebhookForm.empty());
		}
		return "notification/webhooks";
	}

	@PostMapping
	String create(@AuthenticationPrincipal AccountUser user, @ModelAttribute("webhookForm") WebhookForm form,
			BindingResult errors, Model page, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Webhooks.Webhook created = webhooks.create(form, user.personId());
				redirect.addFlashAttribute("notice", "notification.webhook.created");
				redirect.addFlashAttribute("noticeArgument", created.name());
				return "redirect:/admin/notifications/webhooks/" + created.id();
			}
			catch (Webhooks.InvalidWebhookException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return list(page);
	}

	@GetMapping("/{id}")
	String webhook(@PathVariable long id, Model page) {
		Webhooks.Webhook webhook = webhooks.find(id);
		page.addAttribute("webhook", webhook);
		if (!page.containsAttribute("webhookForm")) {
			page.addAttribute("webhookForm", webhook.form());
		}
		page.addAttribute("deliveries", outbox.ofWebhook(id, DELIVERIES_SHOWN));
		return "notification/webhook";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("webhookForm") WebhookForm form, BindingResult errors,
			Model page, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Webhooks.Webhook updated = webhooks.update(id, form);
				redirect.addFlashAttribute("notice", "notification.webhook.updated");
				redirect.addFlashAttribute("noticeArgument", updated.name());
				return "redirect:/admin/notifications/webhooks/" + id;
			}
			catch (Webhooks.InvalidWebhookException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return webhook(id, page);
	}

	@PostMapping("/{id}/test")
	String sendTest(@PathVariable long id, RedirectAttributes redirect) {
		Webhooks.Webhook webhook = webhooks.sendTest(id);
		sender.wakeUp();
		redirect.addFlashAttribute("notice", "notification.webhook.testRecorded");
		redirect.addFlashAttribute("noticeArgument", webhook.name());
		return "redirect:/admin/notifications/webhooks/" + id + "#deliveries";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Webhooks.Webhook removed = webhooks.delete(id);
		redirect.addFlashAttribute("notice", "notification.webhook.deleted");
		redirect.addFlashAttribute("noticeArgument", removed.name());
		return "redirect:/admin/notifications/webhooks";
	}

}

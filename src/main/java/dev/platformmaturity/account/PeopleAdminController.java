package dev.platformmaturity.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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

import dev.platformmaturity.shared.FormErrors;
import dev.platformmaturity.shared.PageNumbers;

/** Administrators list, create and edit people. */
@Controller
@RequestMapping("/admin/people")
class PeopleAdminController {

	static final int PAGE_SIZE = 25;

	private final Accounts accounts;

	PeopleAdminController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String list(@RequestParam(name = "q", defaultValue = "") String search,
			@RequestParam(name = "role", required = false) Role role,
			@RequestParam(name = "page", defaultValue = "0") int pageNumber, Model page) {
		var people = PageNumbers.within(pageNumber, PAGE_SIZE, Sort.by("displayName", "username"),
				pageable -> accounts.search(search, role, pageable));
		page.addAttribute("people", people.map(Person::info));
		page.addAttribute("q", search);
		page.addAttribute("role", role);
		page.addAttribute("roles", Role.values());
		return "account/people";
	}

	@GetMapping("/new")
	String newPerson(Model page) {
		page.addAttribute("personForm", NewPerson.empty());
		return form(page);
	}

	@PostMapping
	String create(@ModelAttribute("personForm") NewPerson person, BindingResult errors, Model page,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				PersonInfo created = accounts.create(person);
				redirect.addFlashAttribute("notice", "admin.people.created");
				redirect.addFlashAttribute("noticeArgument", created.username());
				return "redirect:/admin/people";
			}
			catch (InvalidPersonException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return form(page);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model page) {
		PersonDetails details = accounts.details(id).orElseThrow(() -> new PersonNotFoundException(id));
		if (!page.containsAttribute("personEditForm")) {
			page.addAttribute("personEditForm", PersonEditForm.of(details));
		}
		page.addAttribute("person", details.person());
		page.addAttribute("roles", Role.values());
		page.addAttribute("languages", PersonRules.LANGUAGES);
		return "account/person-edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("personEditForm") PersonEditForm form, BindingResult errors,
			@AuthenticationPrincipal AccountUser admin, HttpServletRequest request, Model page,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				PersonChange change = form.toChange();
				PersonInfo updated = accounts.update(id, form.expectedVersion(), change, admin.personId(),
						request.getSession().getId());
				if (id == admin.personId() && change.changesPassword()) {
					request.changeSessionId();
				}
				redirect.addFlashAttribute("notice", "admin.people.updated");
				redirect.addFlashAttribute("noticeArgument", updated.username());
				return "redirect:/admin/people";
			}
			catch (InvalidPersonException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
			catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
				errors.reject("admin.changedMeanwhile");
			}
		}
		return edit(id, page);
	}

	private String form(Model page) {
		page.addAttribute("roles", Role.values());
		page.addAttribute("languages", PersonRules.LANGUAGES);
		return "account/person-new";
	}

}

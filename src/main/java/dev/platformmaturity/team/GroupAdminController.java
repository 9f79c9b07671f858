package dev.platformmaturity.team;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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

@Controller
@RequestMapping("/admin/groups")
class GroupAdminController {

	private final TeamAdministration administration;

	GroupAdminController(TeamAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String list(@RequestParam(name = "q", defaultValue = "") String search,
			@RequestParam(name = "page", defaultValue = "0") int pageNumber, Model page) {
		page.addAttribute("groups", PageNumbers.within(pageNumber, 25, Sort.by("name"),
				pageable -> administration.groups(search, pageable)));
		page.addAttribute("q", search);
		return "team/groups";
	}

	@GetMapping("/new")
	String newGroup(Model page) {
		page.addAttribute("groupForm", GroupForm.empty());
		return "team/group-form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("groupForm") GroupForm form, BindingResult errors,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				GroupInfo group = administration.createGroup(form.name());
				redirect.addFlashAttribute("notice", "admin.groups.created");
				redirect.addFlashAttribute("noticeArgument", group.name());
				return "redirect:/admin/groups";
			}
			catch (InvalidInputException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return "team/group-form";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model page) {
		TeamGroup group = administration.group(id);
		if (!page.containsAttribute("groupForm")) {
			page.addAttribute("groupForm", new GroupForm(group.version(), group.name(), group.enabled()));
		}
		page.addAttribute("group", group.info());
		return "team/group-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("groupForm") GroupForm form, BindingResult errors,
			Model page, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				GroupInfo group = administration.updateGroup(id, form.expectedVersion(), form.name(), form.active());
				redirect.addFlashAttribute("notice", "admin.groups.updated");
				redirect.addFlashAttribute("noticeArgument", group.name());
				return "redirect:/admin/groups";
			}
			catch (InvalidInputException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
			catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
				errors.reject("admin.changedMeanwhile");
			}
		}
		return edit(id, page);
	}

}

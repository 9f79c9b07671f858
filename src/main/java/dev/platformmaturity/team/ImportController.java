package dev.platformmaturity.team;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.platformmaturity.team.OrganisationImport.InvalidImportException;
import dev.platformmaturity.team.OrganisationImport.Plan;

/**
 * Upload, preview, then import. The uploaded files wait in the session between preview
 * and confirmation, so the import writes exactly what the preview showed (checked again
 * when written).
 */
@Controller
@RequestMapping("/admin/import")
class ImportController {

	private static final String PENDING = ImportController.class.getName() + ".pending";

	private final OrganisationImport organisationImport;

	ImportController(OrganisationImport organisationImport) {
		this.organisationImport = organisationImport;
	}

	record Pending(String token, String teamsFileName, byte[] teams, String peopleFileName,
			byte[] people) implements java.io.Serializable {
	}

	@GetMapping
	String upload(Model page) {
		page.addAttribute("teamColumns", String.join(",", OrganisationImport.TEAM_COLUMNS));
		page.addAttribute("peopleColumns", String.join(",", OrganisationImport.PEOPLE_COLUMNS));
		return "team/import";
	}

	@PostMapping("/preview")
	String preview(@RequestParam(name = "teams", required = false) MultipartFile teams,
			@RequestParam(name = "people", required = false) MultipartFile people, HttpSession session, Model page)
			throws IOException {
		Pending pending = new Pending(UUID.randomUUID().toString(), name(teams), bytes(teams), name(people),
				bytes(people));
		Plan plan = organisationImport.plan(pending.teams(), pending.people());
		if (plan.valid()) {
			session.setAttribute(PENDING, pending);
		}
		else {
			session.removeAttribute(PENDING);
		}
		page.addAttribute("plan", plan);
		page.addAttribute("pending", pending);
		return "team/import-preview";
	}

	@PostMapping
	String importAll(@RequestParam("token") String token, HttpSession session, Model page) {
		Object stored = session.getAttribute(PENDING);
		if (!(stored instanceof Pending pending) || !pending.token().equals(token)) {
			page.addAttribute("expired", true);
			return upload(page);
		}
		try {
			page.addAttribute("result", organisationImport.importAll(pending.teams(), pending.people()));
			session.removeAttribute(PENDING);
			return "team/import-result";
		}
		catch (InvalidImportException changedSincePreview) {
			session.removeAttribute(PENDING);
			page.addAttribute("plan", changedSincePreview.plan());
			page.addAttribute("pending", pending);
			return "team/import-preview";
		}
	}

	@GetMapping("/example/{file:teams|people}.csv")
	ResponseEntity<byte[]> example(@PathVariable String file) {
		String content = file.equals("teams") ? """
				slug,name,group
				payments,Payments Platform,Digital Channels
				zhifu-zhongtai,支付中台,Core Systems
				""" : """
				username,name,email,language,role,teams,password
				wang.fang,王芳,wang.fang@example.org,zh-CN,MEMBER,payments;zhifu-zhongtai,
				alex.smith,Alex Smith,alex.smith@example.org,en,LEAD,,
				""";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file + ".csv").build().toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(("\uFEFF" + content).getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] bytes(MultipartFile file) throws IOException {
		return file == null || file.isEmpty() ? new byte[0] : file.getBytes();
	}

	private static String name(MultipartFile file) {
		return file == null || file.isEmpty() ? null : file.getOriginalFilename();
	}

}

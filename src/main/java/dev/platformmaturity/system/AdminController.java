package dev.platformmaturity.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' start page: links to what they manage. */
@Controller
class AdminController {

	@GetMapping("/admin")
	String administration() {
		return "system/admin";
	}

}

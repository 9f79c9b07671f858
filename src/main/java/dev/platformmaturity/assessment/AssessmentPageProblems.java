package dev.platformmaturity.assessment;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where the pages of assessments and quarters tell of a request that could not be carried
 * out: back on the page the request came from (the assessment, or the quarters), with the
 * problem in the person's language and, for a reopening, the reason they typed.
 */
@ControllerAdvice(assignableTypes = { AssessmentController.class, QuarterAdminController.class })
class AssessmentPageProblems {

	private final MessageSource messages;

	AssessmentPageProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	String problem(AssessmentProblem problem, HandlerMethod handler, HttpServletRequest request, Locale locale,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", messages.getMessage(problem, locale));
		if (request.getParameter("reason") != null) {
			redirect.addFlashAttribute("reason", request.getParameter("reason"));
		}
		if (handler.getBeanType() == QuarterAdminController.class) {
			return "redirect:/admin/quarters";
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return "redirect:" + AssessmentController.path(variables.get("team"), variables.get("quarter"));
	}

}

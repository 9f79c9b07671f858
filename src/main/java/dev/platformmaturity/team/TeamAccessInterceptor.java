package dev.platformmaturity.team;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request that names a team, as path variable {@code {team}} or parameter
 * {@code team}, is refused with 404 before it reaches a controller when the caller may
 * not read that team, so new endpoints are covered without anyone remembering to.
 * Services check again with method security. Handlers marked
 * {@link ChecksTeamAccessItself} check in their own statement instead.
 */
@Configuration(proxyBeanMethods = false)
class TeamAccessInterceptor implements WebMvcConfigurer, HandlerInterceptor {

	static final String TEAM = "team";

	private final TeamAccess access;

	TeamAccessInterceptor(TeamAccess access) {
		this.access = access;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || method.hasMethodAnnotation(ChecksTeamAccessItself.class)) {
			return true;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> pathVariables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (pathVariables != null && pathVariables.containsKey(TEAM)) {
			access.requireReadable(pathVariables.get(TEAM));
		}
		String[] teamParameters = request.getParameterValues(TEAM);
		if (teamParameters != null) {
			for (String team : teamParameters) {
				if (!team.isEmpty()) {
					access.requireReadable(team);
				}
			}
		}
		return true;
	}

}

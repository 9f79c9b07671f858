package dev.platformmaturity.team;

import org.aopalliance.intercept.MethodInvocation;

import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * For method security on team-scoped services: a denied read answers as if the team did
 * not exist (404), so that a member of another team learns nothing about it. The team is
 * the method's first argument.
 */
@Component
public class TeamNotFoundDeniedHandler implements MethodAuthorizationDeniedHandler {

	@Override
	public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
		throw new TeamNotFoundException(String.valueOf(invocation.getArguments()[0]));
	}

}

package cn.medrecruit.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Replaces the principal of the current session after the account changed (password, profile). */
@Component
class SignedInSession {

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	void replace(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		user.eraseCredentials();
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(authentication);
		holder.setContext(context);
		repository.saveContext(context, request, response);
	}

	static CurrentUser current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return LoginFlow.isAuthenticatedUser(authentication) ? (CurrentUser) authentication.getPrincipal() : null;
	}
}

package cn.medrecruit.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Sends a person who must change the password (first login, reset, expiry) or complete the staff profile to that
 * page, whatever they ask for, until it is done.
 */
class PendingStepFilter extends OncePerRequestFilter {

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	private static final List<String> ALWAYS_ALLOWED = List.of("/logout", "/error", "/webjars/", "/css/", "/js/",
			"/img/", "/captcha", "/sms/codes", "/favicon");

	static String targetOf(CurrentUser.PendingStep step) {
		return switch (step) {
			case CHANGE_PASSWORD, PASSWORD_EXPIRED -> "/account/password";
			case COMPLETE_PROFILE -> "/account/profile";
			case NONE -> "/";
		};
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (LoginFlow.isAuthenticatedUser(authentication)) {
			CurrentUser user = (CurrentUser) authentication.getPrincipal();
			String path = PATHS.getPathWithinApplication(request);
			if (user.getPendingStep() != CurrentUser.PendingStep.NONE) {
				String target = targetOf(user.getPendingStep());
				if (!path.equals(target) && ALWAYS_ALLOWED.stream().noneMatch(path::startsWith)) {
					response.sendRedirect(request.getContextPath() + target);
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}
}

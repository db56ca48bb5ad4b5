package cn.medrecruit.identity;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import cn.medrecruit.shared.PlatformProperties;
import cn.medrecruit.shared.Texts;

/** The parts of signing in that Spring Security leaves to us: captcha, lockout messages, forced first steps. */
@Component
class LoginFlow {

	static final String LOGIN_ERROR = "medrecruit.loginError";
	static final String LOGIN_NAME = "medrecruit.loginName";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final LoginAttempts attempts;
	private final Captchas captchas;
	private final Texts texts;
	private final ZoneId zone;
	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	LoginFlow(LoginAttempts attempts, Captchas captchas, Texts texts, PlatformProperties platform) {
		this.attempts = attempts;
		this.captchas = captchas;
		this.texts = texts;
		this.zone = platform.timeZone();
	}

	/** Rejects a login POST with a wrong captcha before the password is even looked at. */
	OncePerRequestFilter captchaFilter() {
		return new OncePerRequestFilter() {
			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !("POST".equals(request.getMethod()) && "/login".equals(new UrlPathHelper().getPathWithinApplication(request)));
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (captchas.verify(request.getSession(false), request.getParameter("captcha"))) {
					chain.doFilter(request, response);
					return;
				}
				fail(request, response, message("login.captcha-wrong"));
			}
		};
	}

	AuthenticationFailureHandler failureHandler() {
		return (request, response, exception) -> fail(request, response, explain(request, exception));
	}

	AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			CurrentUser user = (CurrentUser) authentication.getPrincipal();
			attempts.recordSuccess(user);
			if (user.getPendingStep() != CurrentUser.PendingStep.NONE) {
				redirect.sendRedirect(request, response, PendingStepFilter.targetOf(user.getPendingStep()));
				return;
			}
			saved.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/** Writes the logout to the audit log while the person is still known. */
	LogoutHandler auditLogout() {
		return (request, response, authentication) -> {
			if (isAuthenticatedUser(authentication)) {
				attempts.recordLogout((CurrentUser) authentication.getPrincipal());
			}
		};
	}

	private String explain(HttpServletRequest request, AuthenticationException exception) {
		String input = request.getParameter("username");
		if (exception instanceof LockedException) {
			return attempts.lockedUntil(input)
				.map(until -> message("login.locked", TIME.format(until.atZone(zone))))
				.orElseGet(() -> message("login.bad-credentials"));
		}
		if (exception instanceof DisabledException) {
			return message("login.disabled");
		}
		if (exception instanceof BadCredentialsException) {
			LoginAttempts.Failure failure = attempts.recordBadCredentials(input);
			if (failure instanceof LoginAttempts.Failure.Remaining remaining) {
				return message("login.bad-credentials-remaining", remaining.attempts());
			}
			if (failure instanceof LoginAttempts.Failure.Locked locked) {
				return message("login.locked", TIME.format(locked.until().atZone(zone)));
			}
		}
		return message("login.bad-credentials");
	}

	private void fail(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
		request.getSession().setAttribute(LOGIN_ERROR, message);
		String input = request.getParameter("username");
		if (input != null && input.length() <= 64) {
			request.getSession().setAttribute(LOGIN_NAME, input);
		}
		redirect.sendRedirect(request, response, "/login?error");
	}

	private String message(String key, Object... args) {
		return texts.get(key, args);
	}

	static boolean isAuthenticatedUser(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser;
	}
}

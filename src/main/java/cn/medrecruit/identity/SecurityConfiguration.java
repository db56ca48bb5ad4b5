package cn.medrecruit.identity;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import cn.medrecruit.shared.DemoMode;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "form-action 'self'; base-uri 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain web(HttpSecurity http, LoginFlow login, AccountDirectory directory, DemoMode demo,
			Access access, @Value("${medrecruit.metrics.allowed-networks}") String metricsNetworks) throws Exception {
		http.userDetailsService(directory)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/", "/login", "/register", "/register/**", "/password/forgot", "/captcha", "/sms/codes",
						"/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error", "/actuator/health",
						"/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/prometheus").access(fromNetworks(metricsNetworks))
				.requestMatchers("/actuator/**").denyAll()
				.requestMatchers("/sms/outbox").access((authentication, context) -> new AuthorizationDecision(
						demo.isActive() || access.can(authentication.get(), Permission.SMS_OUTBOX_VIEW)))
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(login.successHandler())
				.failureHandler(login.failureHandler())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(login.auditLogout()).logoutSuccessUrl("/login?logout"))
			.addFilterBefore(login.captchaFilter(), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new PendingStepFilter(), AuthorizationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	private static AuthorizationManager<RequestAuthorizationContext> fromNetworks(String networks) {
		List<IpAddressMatcher> matchers = Arrays.stream(networks.split(","))
			.map(String::trim)
			.filter(network -> !network.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
		return (authentication, context) -> new AuthorizationDecision(
				matchers.stream().anyMatch(matcher -> matcher.matches(context.getRequest())));
	}
}

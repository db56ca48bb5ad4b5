package cn.medrecruit.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("medrecruit.accounts")
record AccountsProperties(int maxFailedLogins, Duration lockDuration, Duration staffPasswordMaxAge,
		int passwordHistory) {
}

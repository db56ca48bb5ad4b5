package cn.medrecruit.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.shared.Masking;

/** Counts consecutive failed logins and locks the account at the limit. */
@Service
class LoginAttempts {

	private final Accounts accounts;
	private final AccountDirectory directory;
	private final AccountsProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	LoginAttempts(Accounts accounts, AccountDirectory directory, AccountsProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.directory = directory;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** What the person who just failed should be told. */
	sealed interface Failure {
		record Unknown() implements Failure {
		}

		record Remaining(int attempts) implements Failure {
		}

		record Locked(Instant until) implements Failure {
		}
	}

	@Transactional
	Failure recordBadCredentials(String input) {
		Optional<Account> found = directory.find(input);
		if (found.isEmpty()) {
			events.publishEvent(AuditEvent.failure("LOGIN_FAILED", null, "unknown account").by(abbreviate(input)));
			return new Failure.Unknown();
		}
		Account account = found.get();
		Instant now = clock.instant();
		if (account.lockedAt(now)) {
			return new Failure.Locked(account.lockedUntil);
		}
		accounts.recordFailedLogin(account.id, properties.maxFailedLogins(), now.plus(properties.lockDuration()));
		Account after = accounts.findById(account.id).orElseThrow();
		events.publishEvent(AuditEvent.failure("LOGIN_FAILED", target(account), "bad credentials").by(account.loginName));
		if (after.lockedAt(now)) {
			events.publishEvent(AuditEvent.success("ACCOUNT_LOCKED", target(account)).by(account.loginName));
			return new Failure.Locked(after.lockedUntil);
		}
		return new Failure.Remaining(properties.maxFailedLogins() - after.failedAttempts);
	}

	@Transactional(readOnly = true)
	Optional<Instant> lockedUntil(String input) {
		Instant now = clock.instant();
		return directory.find(input).filter(account -> account.lockedAt(now)).map(account -> account.lockedUntil);
	}

	@Transactional
	void recordSuccess(CurrentUser user) {
		accounts.recordSuccessfulLogin(user.getAccountId(), clock.instant());
		events.publishEvent(AuditEvent.success("LOGIN", "account:" + user.getAccountId()).by(user.loginName()));
	}

	@Transactional
	void recordLogout(CurrentUser user) {
		events.publishEvent(AuditEvent.success("LOGOUT", "account:" + user.getAccountId()).by(user.loginName()));
	}

	static String target(Account account) {
		return "account:" + account.id;
	}

	private static String abbreviate(String input) {
		if (input == null) {
			return "";
		}
		String trimmed = input.trim();
		// an unknown input may be somebody's ID number: never write it to the log in full
		if (trimmed.matches(".*\\d{6}.*")) {
			return Masking.maskIdNumber(trimmed.length() > 32 ? trimmed.substring(0, 32) : trimmed);
		}
		return trimmed.length() > 32 ? trimmed.substring(0, 32) : trimmed;
	}
}

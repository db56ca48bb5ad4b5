package cn.medrecruit.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.PersonalDataCipher;

/** Changing a password (old + new) and recovering a forgotten one (ID number + phone + SMS code). */
@Service
public class Passwords {

	private final Accounts accounts;
	private final PasswordEncoder encoder;
	private final SmsCodes smsCodes;
	private final PersonalDataCipher cipher;
	private final StaffAccounts staffAccounts;
	private final AccountsProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Passwords(Accounts accounts, PasswordEncoder encoder, SmsCodes smsCodes, PersonalDataCipher cipher,
			StaffAccounts staffAccounts, AccountsProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.smsCodes = smsCodes;
		this.cipher = cipher;
		this.staffAccounts = staffAccounts;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void change(AccountId id, String oldPassword, String newPassword, String confirmPassword) {
		Account account = accounts.findById(id.value()).orElseThrow();
		if (oldPassword == null || !encoder.matches(oldPassword, account.passwordHash)) {
			throw new InputRejected("oldPassword", "validation.password.old-wrong");
		}
		setNew(account, newPassword, confirmPassword);
		events.publishEvent(AuditEvent.success("PASSWORD_CHANGED", LoginAttempts.target(account)));
	}

	/** Sets a new password for the account with this ID number and phone; ends all its sessions. */
	@Transactional
	public void recover(String idNumber, String phone, String smsCode, String newPassword, String confirmPassword) {
		Account account = accounts.findByIdNumberHash(cipher.lookupHash(IdDocuments.normalize(idNumber)))
			.filter(found -> cipher.lookupHash(phone.strip()).equals(found.phoneHash))
			.orElseThrow(() -> new InputRejected("phone", "sms.no-match"));
		checkNew(account, newPassword, confirmPassword);
		if (!smsCodes.consume(phone.strip(), SmsPurpose.RESET_PASSWORD, smsCode)) {
			throw new InputRejected("smsCode", "sms.code.wrong");
		}
		setNew(account, newPassword, confirmPassword);
		events.publishEvent(AuditEvent.success("PASSWORD_RECOVERED", LoginAttempts.target(account)).by(account.loginName));
		staffAccounts.endSessionsOf(account.loginName);
	}

	private void setNew(Account account, String newPassword, String confirmPassword) {
		checkNew(account, newPassword, confirmPassword);
		Instant now = clock.instant();
		String hash = encoder.encode(newPassword);
		accounts.setPassword(account.id, hash, now, false);
		accounts.rememberPassword(account.id, hash, now);
	}

	private void checkNew(Account account, String newPassword, String confirmPassword) {
		List<String> violations = PasswordPolicy.violations(newPassword, account.loginName);
		if (!violations.isEmpty()) {
			throw new InputRejected("newPassword", violations.get(0));
		}
		if (!newPassword.equals(confirmPassword)) {
			throw new InputRejected("confirmPassword", "validation.password.mismatch");
		}
		int remembered = properties.passwordHistory();
		boolean reused = encoder.matches(newPassword, account.passwordHash)
				|| accounts.recentPasswordHashes(account.id, remembered).stream()
					.anyMatch(hash -> encoder.matches(newPassword, hash));
		if (reused) {
			throw new InputRejected("newPassword", "validation.password.reused", remembered);
		}
	}
}

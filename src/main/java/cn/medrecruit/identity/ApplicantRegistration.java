package cn.medrecruit.identity;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

/**
 * Applicant self-registration: (1) the real-name check of name and ID document, (2) the account with a password and
 * an SMS-verified mobile number. The ID number is unique: one person, one account.
 */
@Service
public class ApplicantRegistration {

	private final Accounts accounts;
	private final SmsCodes smsCodes;
	private final PasswordEncoder encoder;
	private final PersonalDataCipher cipher;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ApplicantRegistration(Accounts accounts, SmsCodes smsCodes, PasswordEncoder encoder, PersonalDataCipher cipher,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.smsCodes = smsCodes;
		this.encoder = encoder;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/** The checked identity, kept in the session between the steps. */
	public record Identity(String realName, IdDocumentType idType, String idNumber) implements Serializable {
	}

	public record AccountDetails(String loginName, String password, String confirmPassword, String phone,
			String smsCode) {
	}

	@Transactional(readOnly = true)
	public Identity checkIdentity(String realName, IdDocumentType idType, String idNumber) {
		String normalized = IdDocuments.normalize(idNumber);
		IdDocuments.violation(idType, normalized, LocalDate.now(clock)).ifPresent(key -> {
			throw new InputRejected("idNumber", key);
		});
		if (accounts.existsByIdNumberHash(cipher.lookupHash(normalized))) {
			throw new InputRejected("idNumber", "validation.id-number.taken");
		}
		return new Identity(realName.strip(), idType, normalized);
	}

	@Transactional
	public AccountId register(Identity identity, AccountDetails details) {
		checkIdentity(identity.realName(), identity.idType(), identity.idNumber());
		String loginName = details.loginName().strip();
		if (accounts.existsByLoginName(loginName)) {
			throw new InputRejected("loginName", "validation.login-name.taken");
		}
		List<String> violations = PasswordPolicy.violations(details.password(), loginName);
		if (!violations.isEmpty()) {
			throw new InputRejected("password", violations.get(0));
		}
		if (!details.password().equals(details.confirmPassword())) {
			throw new InputRejected("confirmPassword", "validation.password.mismatch");
		}
		String phone = details.phone().strip();
		if (!smsCodes.consume(phone, SmsPurpose.REGISTER, details.smsCode())) {
			throw new InputRejected("smsCode", "sms.code.wrong");
		}
		Instant now = clock.instant();
		Account account = new Account();
		account.loginName = loginName;
		account.kind = AccountKind.APPLICANT;
		account.realName = identity.realName();
		account.idType = identity.idType();
		account.idNumberEnc = cipher.encrypt(identity.idNumber());
		account.idNumberHash = cipher.lookupHash(identity.idNumber());
		account.idNumberMasked = Masking.maskIdNumber(identity.idNumber());
		account.phoneEnc = cipher.encrypt(phone);
		account.phoneHash = cipher.lookupHash(phone);
		account.phoneMasked = Masking.maskPhone(phone);
		account.passwordHash = encoder.encode(details.password());
		account.passwordChangedAt = now;
		account.enabled = true;
		account.createdAt = now;
		account.roles = Set.of(new Account.AccountRole(Role.APPLICANT));
		Account saved;
		try {
			saved = accounts.save(account);
		}
		catch (DuplicateKeyException raced) {
			// a double click or a second tab registered the same person a moment earlier
			throw new InputRejected("loginName", "validation.id-number.taken");
		}
		accounts.rememberPassword(saved.id, saved.passwordHash, now);
		events.publishEvent(AuditEvent.success("APPLICANT_REGISTERED", LoginAttempts.target(saved)).by(loginName));
		return new AccountId(saved.id);
	}
}

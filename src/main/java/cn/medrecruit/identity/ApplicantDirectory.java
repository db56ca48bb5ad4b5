package cn.medrecruit.identity;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

/** Applicants' identity for other modules, and the one change of it an applicant makes: the mobile number. */
@Service
public class ApplicantDirectory {

	private final Accounts accounts;
	private final PersonalDataCipher cipher;
	private final SmsCodes smsCodes;
	private final PasswordEncoder encoder;
	private final ApplicationEventPublisher events;

	ApplicantDirectory(Accounts accounts, PersonalDataCipher cipher, SmsCodes smsCodes, PasswordEncoder encoder,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.cipher = cipher;
		this.smsCodes = smsCodes;
		this.encoder = encoder;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Optional<ApplicantIdentity> identityOf(AccountId id) {
		return accounts.findById(id.value()).filter(account -> account.kind == AccountKind.APPLICANT).map(account -> {
			String idNumber = cipher.decrypt(account.idNumberEnc);
			return new ApplicantIdentity(id, account.realName, account.idType, account.idNumberMasked,
					account.phoneMasked, IdDocuments.gender(account.idType, idNumber).orElse(null),
					IdDocuments.birthDate(account.idType, idNumber).orElse(null));
		});
	}

	/** A new mobile number needs an SMS code sent to it and the account's password. */
	@Transactional
	public void changePhone(AccountId id, String newPhone, String smsCode, String password) {
		Account account = accounts.findById(id.value()).orElseThrow();
		if (password == null || !encoder.matches(password, account.passwordHash)) {
			throw new InputRejected("password", "validation.password.wrong");
		}
		String phone = newPhone == null ? "" : newPhone.strip();
		if (!SmsCodes.isMobile(phone)) {
			throw new InputRejected("newPhone", "validation.phone");
		}
		if (!smsCodes.consume(phone, SmsPurpose.CHANGE_PHONE, smsCode)) {
			throw new InputRejected("smsCode", "sms.code.wrong");
		}
		accounts.changePhone(account.id, cipher.encrypt(phone), cipher.lookupHash(phone), Masking.maskPhone(phone));
		events.publishEvent(AuditEvent.success("PHONE_CHANGED", LoginAttempts.target(account),
				Masking.maskPhone(phone)));
	}
}

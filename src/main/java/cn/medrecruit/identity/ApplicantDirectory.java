package cn.medrecruit.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
	private final JdbcClient jdbc;

	ApplicantDirectory(Accounts accounts, PersonalDataCipher cipher, SmsCodes smsCodes, PasswordEncoder encoder,
			ApplicationEventPublisher events, JdbcClient jdbc) {
		this.accounts = accounts;
		this.cipher = cipher;
		this.smsCodes = smsCodes;
		this.encoder = encoder;
		this.events = events;
		this.jdbc = jdbc;
	}

	/** An applicant's ID number and mobile number, in full or as their stored masked copies. */
	public record PersonalNumbers(String idNumber, String phone) {
	}

	/**
	 * The personal numbers of many applicants in one read (a roster chunk): decrypted only when {@code full}, otherwise
	 * the masked copies kept beside the ciphertext.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, PersonalNumbers> personalNumbersOf(Collection<AccountId> ids, boolean full) {
		Map<AccountId, PersonalNumbers> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT id, id_number_enc, id_number_masked, phone_enc, phone_masked FROM account
				 WHERE kind = 'APPLICANT' AND id IN (:ids)""")
			.param("ids", ids.stream().map(AccountId::value).distinct().toList())
			.query((rs, n) -> found.put(new AccountId(rs.getLong("id")), full
					? new PersonalNumbers(cipher.decrypt(rs.getString("id_number_enc")),
							cipher.decrypt(rs.getString("phone_enc")))
					: new PersonalNumbers(rs.getString("id_number_masked"), rs.getString("phone_masked"))))
			.list();
		return found;
	}

	/**
	 * An applicant's name, masked ID number and kind of ID document, read in one statement without decrypting anything:
	 * for lists, search fields and the submit's checks.
	 */
	public record NameCard(String realName, String idNumberMasked, IdDocumentType idType) {
	}

	@Transactional(readOnly = true)
	public Optional<NameCard> nameCardOf(AccountId id) {
		return jdbc.sql("SELECT real_name, id_number_masked, id_type FROM account WHERE id = :id AND kind = 'APPLICANT'")
			.param("id", id.value())
			.query((rs, n) -> new NameCard(rs.getString("real_name"), rs.getString("id_number_masked"),
					rs.getString("id_type") == null ? null : IdDocumentType.valueOf(rs.getString("id_type"))))
			.optional();
	}

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

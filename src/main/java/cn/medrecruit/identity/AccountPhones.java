package cn.medrecruit.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.shared.PersonalDataCipher;

/** The mobile number on an account (an applicant's, or the one a staff member gave in their profile), to text them. */
@Component
@Transactional(readOnly = true)
public class AccountPhones {

	private final Accounts accounts;
	private final PersonalDataCipher cipher;

	AccountPhones(Accounts accounts, PersonalDataCipher cipher) {
		this.accounts = accounts;
		this.cipher = cipher;
	}

	/** Empty when the account is unknown or has no phone. */
	public Optional<String> phoneOf(AccountId id) {
		return accounts.findById(id.value())
			.filter(account -> account.phoneEnc != null)
			.map(account -> cipher.decrypt(account.phoneEnc));
	}
}

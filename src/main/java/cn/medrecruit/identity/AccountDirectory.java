package cn.medrecruit.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.CurrentUser.PendingStep;
import cn.medrecruit.shared.PersonalDataCipher;

/** Finds accounts by login name or by ID number, and turns them into the principal kept in the session. */
@Service
@Transactional(readOnly = true)
class AccountDirectory implements UserDetailsService {

	private final Accounts accounts;
	private final InstitutionLookup institutions;
	private final PersonalDataCipher cipher;
	private final AccountsProperties properties;
	private final Clock clock;

	AccountDirectory(Accounts accounts, InstitutionLookup institutions, PersonalDataCipher cipher,
			AccountsProperties properties, Clock clock) {
		this.accounts = accounts;
		this.institutions = institutions;
		this.cipher = cipher;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public CurrentUser loadUserByUsername(String input) {
		return find(input).map(this::principalOf).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
	}

	/** The login input is a login name or, for applicants, the ID number. */
	Optional<Account> find(String input) {
		if (input == null || input.isBlank()) {
			return Optional.empty();
		}
		String trimmed = input.trim();
		return accounts.findByLoginName(trimmed)
			.or(() -> accounts.findByIdNumberHash(cipher.lookupHash(IdDocuments.normalize(trimmed))));
	}

	CurrentUser reload(long accountId) {
		return accounts.findById(accountId).map(this::principalOf).orElseThrow();
	}

	CurrentUser principalOf(Account account) {
		Instant now = clock.instant();
		boolean enabled = account.enabled;
		String institutionName = null;
		String scopePath = null;
		if (account.institutionId != null) {
			Optional<InstitutionLookup.InstitutionRef> institution = institutions.find(account.institutionId);
			enabled = enabled && institution.map(InstitutionLookup.InstitutionRef::enabled).orElse(false);
			institutionName = institution.map(InstitutionLookup.InstitutionRef::name).orElse(null);
			scopePath = institution.map(InstitutionLookup.InstitutionRef::scopePath).orElse(null);
		}
		return new CurrentUser(account.id, account.loginName, displayNameOf(account), account.kind,
				account.institutionId, institutionName, scopePath, account.roleSet(), pendingStepOf(account, now), enabled,
				!account.lockedAt(now), account.passwordHash);
	}

	private PendingStep pendingStepOf(Account account, Instant now) {
		if (account.mustChangePassword) {
			return PendingStep.CHANGE_PASSWORD;
		}
		if (account.kind == AccountKind.STAFF
				&& account.passwordChangedAt.plus(properties.staffPasswordMaxAge()).isBefore(now)) {
			return PendingStep.PASSWORD_EXPIRED;
		}
		return account.profileRequired ? PendingStep.COMPLETE_PROFILE : PendingStep.NONE;
	}

	private static String displayNameOf(Account account) {
		return account.realName == null || account.realName.isBlank() ? account.loginName : account.realName;
	}
}

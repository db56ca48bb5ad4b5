package cn.medrecruit.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;

/**
 * Staff accounts: created by an administrator with a random one-time password, reset, disabled and enabled, unlocked.
 * Every action re-checks that the account's institution lies in the acting person's subtree.
 */
@Service
public class StaffAccounts {

	private final Accounts accounts;
	private final InstitutionLookup institutions;
	private final PasswordEncoder encoder;
	private final FindByIndexNameSessionRepository<?> sessions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	/**
	 * Which roles a holder of each role may give to a new account: the same level and below. Without this, anybody
	 * allowed to create accounts could create a provincial account inside their own subtree and reach the permission
	 * matrix. The system administrator gives any staff role.
	 */
	private static final Map<Role, Set<Role>> GRANTABLE = Map.of(
			Role.PROVINCE, EnumSet.of(Role.PROVINCE, Role.CITY, Role.COUNTY, Role.UNIT, Role.BASE),
			Role.CITY, EnumSet.of(Role.CITY, Role.COUNTY, Role.UNIT),
			Role.COUNTY, EnumSet.of(Role.COUNTY, Role.UNIT),
			Role.UNIT, EnumSet.of(Role.UNIT),
			Role.BASE, EnumSet.of(Role.BASE));

	StaffAccounts(Accounts accounts, InstitutionLookup institutions, PasswordEncoder encoder,
			FindByIndexNameSessionRepository<?> sessions, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.institutions = institutions;
		this.encoder = encoder;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	/** Creates an account without checking the creator's rights: for institution setup and demo data. */
	@Transactional
	public IssuedPassword createForInstitution(NewStaffAccount command) {
		InstitutionLookup.InstitutionRef institution = institutions.find(command.institutionId())
			.orElseThrow(() -> new IllegalArgumentException("unknown institution " + command.institutionId()));
		String password = PasswordPolicy.randomOneTimePassword(random);
		Instant now = clock.instant();
		Account account = new Account();
		account.loginName = command.loginName();
		account.kind = AccountKind.STAFF;
		account.realName = command.displayName();
		account.institutionId = institution.id();
		account.institutionPath = institution.scopePath();
		account.passwordHash = encoder.encode(password);
		account.passwordChangedAt = now;
		account.mustChangePassword = true;
		account.profileRequired = true;
		account.enabled = true;
		account.createdAt = now;
		account.roles = command.roles().stream().map(Account.AccountRole::new).collect(Collectors.toCollection(HashSet::new));
		Account saved = accounts.save(account);
		accounts.rememberPassword(saved.id, saved.passwordHash, now);
		events.publishEvent(AuditEvent.success("STAFF_ACCOUNT_CREATED", LoginAttempts.target(saved),
				"roles=" + command.roles()));
		return new IssuedPassword(new AccountId(saved.id), saved.loginName, password);
	}

	/** Creates an account in the acting person's subtree. */
	@Transactional
	public IssuedPassword create(NewStaffAccount command, CurrentUser actor) {
		requireInScope(command.institutionId(), actor);
		if (command.roles().contains(Role.SYSTEM_ADMIN) && !actor.has(Role.SYSTEM_ADMIN)) {
			throw new AccessDeniedException("only a system administrator grants that role");
		}
		if (command.roles().isEmpty() || !grantableRoles(actor).containsAll(command.roles())) {
			throw new AccessDeniedException("role not grantable by " + actor.getRoles());
		}
		return createForInstitution(command);
	}

	/** The roles the actor may give to a new staff account, in the order of {@link Role}. */
	public Set<Role> grantableRoles(CurrentUser actor) {
		if (actor.has(Role.SYSTEM_ADMIN)) {
			Set<Role> all = EnumSet.allOf(Role.class);
			all.remove(Role.APPLICANT);
			return all;
		}
		Set<Role> grantable = EnumSet.noneOf(Role.class);
		actor.getRoles().forEach(role -> grantable.addAll(GRANTABLE.getOrDefault(role, Set.of())));
		return grantable;
	}

	@Transactional
	public IssuedPassword resetPassword(AccountId id, CurrentUser actor) {
		Account account = staffInScope(id, actor);
		String password = PasswordPolicy.randomOneTimePassword(random);
		Instant now = clock.instant();
		String hash = encoder.encode(password);
		accounts.setPassword(account.id, hash, now, true);
		accounts.rememberPassword(account.id, hash, now);
		events.publishEvent(AuditEvent.success("PASSWORD_RESET", LoginAttempts.target(account)));
		endSessionsOf(account.loginName);
		return new IssuedPassword(id, account.loginName, password);
	}

	@Transactional
	public void setEnabled(AccountId id, boolean enabled, CurrentUser actor) {
		Account account = staffInScope(id, actor);
		if (account.id == actor.getAccountId()) {
			throw new AccessDeniedException("an account cannot disable itself");
		}
		accounts.setEnabled(account.id, enabled);
		events.publishEvent(AuditEvent.success(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", LoginAttempts.target(account)));
		if (!enabled) {
			endSessionsOf(account.loginName);
		}
	}

	@Transactional
	public void unlock(AccountId id, CurrentUser actor) {
		Account account = inScope(id, actor);
		accounts.unlock(account.id);
		events.publishEvent(AuditEvent.success("ACCOUNT_UNLOCKED", LoginAttempts.target(account)));
	}

	/** Ends the sessions of every account of a disabled institution; they cannot log in again while it stays so. */
	@Transactional(readOnly = true)
	public void endSessionsAt(long institutionId) {
		accounts.loginNamesAt(institutionId).forEach(this::endSessionsOf);
	}

	/** Ends every session of the account on every node: sessions live in the shared database. */
	void endSessionsOf(String loginName) {
		sessions.findByPrincipalName(loginName).keySet().forEach(sessions::deleteById);
	}

	private Account staffInScope(AccountId id, CurrentUser actor) {
		Account account = inScope(id, actor);
		if (account.kind != AccountKind.STAFF) {
			throw new AccessDeniedException("not a staff account");
		}
		return account;
	}

	/** Staff accounts in the actor's subtree; applicants only for the system administrator (to unlock them). */
	private Account inScope(AccountId id, CurrentUser actor) {
		Account account = accounts.findById(id.value()).orElseThrow(() -> new AccessDeniedException("no such account"));
		boolean visible = account.kind == AccountKind.STAFF
				? account.institutionPath != null && actor.getScopePath() != null
						&& account.institutionPath.startsWith(actor.getScopePath())
				: actor.has(Role.SYSTEM_ADMIN);
		if (!visible) {
			throw new AccessDeniedException("account outside the data scope");
		}
		return account;
	}

	private void requireInScope(long institutionId, CurrentUser actor) {
		String path = institutions.find(institutionId).map(InstitutionLookup.InstitutionRef::scopePath).orElse(null);
		if (path == null || actor.getScopePath() == null || !path.startsWith(actor.getScopePath())) {
			throw new AccessDeniedException("institution outside the data scope");
		}
	}
}

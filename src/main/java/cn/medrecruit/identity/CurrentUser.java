package cn.medrecruit.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.medrecruit.shared.Actor;

/** The signed-in person as kept in the (shared, JDBC-backed) session. */
public final class CurrentUser implements UserDetails, CredentialsContainer, Actor {

	@Serial
	private static final long serialVersionUID = 1L;

	/** What must be done before anything else. */
	public enum PendingStep {
		NONE, CHANGE_PASSWORD, PASSWORD_EXPIRED, COMPLETE_PROFILE
	}

	private final long accountId;
	private final String loginName;
	private final String displayName;
	private final AccountKind kind;
	private final Long institutionId;
	private final String institutionName;
	private final String scopePath;
	private final Set<Role> roles;
	private final PendingStep pendingStep;
	private final boolean enabled;
	private final boolean accountNonLocked;
	private String password;

	CurrentUser(long accountId, String loginName, String displayName, AccountKind kind, Long institutionId,
			String institutionName, String scopePath, Set<Role> roles, PendingStep pendingStep, boolean enabled,
			boolean accountNonLocked, String password) {
		this.accountId = accountId;
		this.loginName = loginName;
		this.displayName = displayName;
		this.kind = kind;
		this.institutionId = institutionId;
		this.institutionName = institutionName;
		this.scopePath = scopePath;
		this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		this.pendingStep = pendingStep;
		this.enabled = enabled;
		this.accountNonLocked = accountNonLocked;
		this.password = password;
	}

	public AccountId getId() {
		return new AccountId(accountId);
	}

	public long getAccountId() {
		return accountId;
	}

	@Override
	public String loginName() {
		return loginName;
	}

	@Override
	public Long institutionId() {
		return institutionId;
	}

	public String getDisplayName() {
		return displayName;
	}

	public AccountKind getKind() {
		return kind;
	}

	public Long getInstitutionId() {
		return institutionId;
	}

	public String getInstitutionName() {
		return institutionName;
	}

	/** Path prefix of the institution subtree this staff account may see; {@code null} for applicants. */
	public String getScopePath() {
		return scopePath;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public List<Role> getSortedRoles() {
		return roles.stream().sorted().toList();
	}

	public PendingStep getPendingStep() {
		return pendingStep;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isStaff() {
		return kind == AccountKind.STAFF;
	}

	public boolean isApplicant() {
		return kind == AccountKind.APPLICANT;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return loginName;
	}

	@Override
	public boolean isAccountNonLocked() {
		return accountNonLocked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		password = null;
	}
}

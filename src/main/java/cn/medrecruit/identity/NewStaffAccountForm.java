package cn.medrecruit.identity;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The form of 新增审核账号. */
class NewStaffAccountForm {

	/** Starts with a letter or digit (institution codes are login names), 4–32 letters, digits or underscores. */
	static final String LOGIN_NAME = "[A-Za-z0-9][A-Za-z0-9_]{3,31}";

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = LOGIN_NAME, message = "{admin.account.login-name.invalid}")
	private String loginName;

	@NotBlank(message = "{validation.required}")
	@Size(max = 50, message = "{admin.account.display-name.too-long}")
	private String displayName;

	@NotNull(message = "{admin.account.institution.required}")
	private Long institutionId;

	@NotEmpty(message = "{admin.account.roles.required}")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	NewStaffAccount toCommand() {
		return new NewStaffAccount(loginName, displayName, institutionId, Set.copyOf(roles));
	}

	public String getLoginName() {
		return loginName;
	}

	public void setLoginName(String loginName) {
		this.loginName = blankToNull(loginName);
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = blankToNull(displayName);
	}

	public Long getInstitutionId() {
		return institutionId;
	}

	public void setInstitutionId(Long institutionId) {
		this.institutionId = institutionId;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}

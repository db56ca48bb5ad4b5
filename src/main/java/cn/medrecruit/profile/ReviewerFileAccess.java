package cn.medrecruit.profile;

import org.springframework.stereotype.Component;

import cn.medrecruit.files.FileAccessRule;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.CurrentUser;

/**
 * Staff see an applicant's files when their subtree holds the applicant's current unit; the province level (a root
 * institution) sees every applicant's, including those without a unit.
 */
@Component
class ReviewerFileAccess implements FileAccessRule {

	private final ApplicantProfiles profiles;

	ReviewerFileAccess(ApplicantProfiles profiles) {
		this.profiles = profiles;
	}

	@Override
	public boolean maySee(CurrentUser viewer, long ownerAccountId) {
		String scope = viewer.getScopePath();
		if (!viewer.isStaff() || scope == null) {
			return false;
		}
		if (scope.chars().filter(c -> c == '/').count() == 2) {
			return true;
		}
		return profiles.scopePathOf(new AccountId(ownerAccountId))
			.map(unitPath -> unitPath != null && unitPath.startsWith(scope))
			.orElse(false);
	}
}

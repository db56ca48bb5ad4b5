package cn.medrecruit.review;

import org.springframework.stereotype.Component;

import cn.medrecruit.files.FileAccessRule;
import cn.medrecruit.identity.CurrentUser;

/**
 * Reviewers see an applicant's evidence when their institution is on the route of one of the applicant's requests:
 * a first-choice base or a 报名点 may hold a stage without having the applicant's unit in its subtree.
 */
@Component
class ReviewFileAccess implements FileAccessRule {

	private final ReviewStore store;

	ReviewFileAccess(ReviewStore store) {
		this.store = store;
	}

	@Override
	public boolean maySee(CurrentUser viewer, long ownerAccountId) {
		return viewer.isStaff() && viewer.institutionId() != null
				&& store.onRouteOfApplicant(ownerAccountId, viewer.institutionId());
	}
}

package cn.medrecruit.organization;

/**
 * @param parentId the institution it belongs under; its subtree holds the new one
 * @param reviewRights whether it reviews applications (only the province grants that)
 */
public record NewInstitution(String code, String name, InstitutionKind kind, BaseCategory baseCategory,
		String regionCode, long parentId, boolean reviewRights, String contactName, String contactPhone) {
}

package cn.medrecruit.organization;

/** What the "new institution" form sends; checked by {@link InstitutionFields} before anything is written. */
class InstitutionForm {

	private String code;
	private String name;
	private String kind;
	private String baseCategory;
	private String regionCode;
	private String parentId;
	private boolean reviewRights;
	private String contactName;
	private String contactPhone;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getBaseCategory() {
		return baseCategory;
	}

	public void setBaseCategory(String baseCategory) {
		this.baseCategory = baseCategory;
	}

	public String getRegionCode() {
		return regionCode;
	}

	public void setRegionCode(String regionCode) {
		this.regionCode = regionCode;
	}

	public String getParentId() {
		return parentId;
	}

	public void setParentId(String parentId) {
		this.parentId = parentId;
	}

	public boolean isReviewRights() {
		return reviewRights;
	}

	public void setReviewRights(boolean reviewRights) {
		this.reviewRights = reviewRights;
	}

	public String getContactName() {
		return contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactPhone() {
		return contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}
}

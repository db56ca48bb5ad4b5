package cn.medrecruit.organization;

/** What the edit form sends: the changeable fields and the version the person saw. */
class InstitutionEditForm {

	private String name;
	private String baseCategory;
	private String contactName;
	private String contactPhone;
	private Integer version;

	static InstitutionEditForm of(InstitutionListing.Row row) {
		InstitutionEditForm form = new InstitutionEditForm();
		form.name = row.name();
		form.baseCategory = row.baseCategory() == null ? null : row.baseCategory().name();
		form.contactName = row.contactName();
		form.contactPhone = row.contactPhone();
		form.version = row.version();
		return form;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getBaseCategory() {
		return baseCategory;
	}

	public void setBaseCategory(String baseCategory) {
		this.baseCategory = baseCategory;
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

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}

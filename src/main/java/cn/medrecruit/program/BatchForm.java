package cn.medrecruit.program;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The batch page's form; {@code version} comes back so a concurrent change is noticed. */
public class BatchForm {

	private String name;
	private List<String> personTypes = new ArrayList<>();
	private List<String> baseCategories = new ArrayList<>();
	private Integer choiceCount;
	private Boolean adjustmentAllowed;
	private List<Long> specialtyIds = new ArrayList<>();
	private WindowForm registration = new WindowForm();
	private List<WindowForm> stageWindows = new ArrayList<>();
	private WindowForm admission = new WindowForm();
	private WindowForm confirmation = new WindowForm();
	private WindowForm checkIn = new WindowForm();
	private List<TypeRuleForm> rules = new ArrayList<>();
	private List<String> fields = new ArrayList<>();
	private List<String> requiredFields = new ArrayList<>();
	private Integer version;

	/**
	 * The rules of one of the program's person types, in the order of {@link Program#personTypes()}; used when the
	 * type is admitted. {@code graduationYears} lists years as {@code 2022,2023,2024}.
	 */
	public static class TypeRuleForm {

		private String type;
		private String description;
		private Boolean currentUnitRequired;
		private Integer graduationWithin;
		private String graduationYears;

		static TypeRuleForm of(BatchView.PersonTypeRule rule, String builtInDescription) {
			TypeRuleForm form = new TypeRuleForm();
			form.type = rule.type().name();
			form.description = rule.description() == null ? builtInDescription : rule.description();
			form.currentUnitRequired = rule.currentUnitRequired();
			form.graduationWithin = rule.graduation().within();
			form.graduationYears = rule.graduation().years().isEmpty() ? null : rule.graduation().yearsText();
			return form;
		}

		public String getType() {
			return type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public Boolean getCurrentUnitRequired() {
			return currentUnitRequired;
		}

		public void setCurrentUnitRequired(Boolean currentUnitRequired) {
			this.currentUnitRequired = currentUnitRequired;
		}

		public Integer getGraduationWithin() {
			return graduationWithin;
		}

		public void setGraduationWithin(Integer graduationWithin) {
			this.graduationWithin = graduationWithin;
		}

		public String getGraduationYears() {
			return graduationYears;
		}

		public void setGraduationYears(String graduationYears) {
			this.graduationYears = graduationYears;
		}
	}

	/** The defaults of a new batch: every person type with its built-in rules, every field shown and required. */
	static BatchForm fresh(Program program, java.util.function.Function<PersonType, String> descriptions) {
		BatchForm form = new BatchForm();
		form.personTypes = new ArrayList<>(program.personTypes().stream().map(Enum::name).toList());
		form.rules = new ArrayList<>(program.personTypes().stream()
			.map(type -> TypeRuleForm.of(new BatchView.PersonTypeRule(type, null, type.currentUnitRequired(),
					new GraduationRule(type.graduationYears(), null)), descriptions.apply(type)))
			.toList());
		form.fields = new ArrayList<>(SupplementaryField.of(program).stream().map(SupplementaryField::key).toList());
		form.requiredFields = new ArrayList<>(form.fields);
		return form;
	}

	static BatchForm of(BatchView batch, ZoneId zone, java.util.function.Function<PersonType, String> descriptions) {
		BatchForm form = new BatchForm();
		form.name = batch.name();
		form.personTypes = new ArrayList<>(batch.personTypes().stream().map(rule -> rule.type().name()).toList());
		form.baseCategories = new ArrayList<>(batch.baseCategories().stream().map(Enum::name).sorted().toList());
		form.choiceCount = batch.choiceCount();
		form.adjustmentAllowed = batch.adjustmentAllowed();
		form.specialtyIds = new ArrayList<>(batch.specialties().stream().map(BatchView.Specialty::id).toList());
		form.registration = WindowForm.of(batch.registration(), zone);
		form.stageWindows = new ArrayList<>(batch.chain().stream().map(stage -> WindowForm.of(stage.window(), zone)).toList());
		form.admission = WindowForm.of(batch.admission(), zone);
		form.confirmation = WindowForm.of(batch.confirmation(), zone);
		form.checkIn = WindowForm.of(batch.checkIn(), zone);
		form.version = batch.version();
		form.rules = new ArrayList<>(batch.program().personTypes().stream()
			.map(type -> TypeRuleForm.of(batch.rule(type).orElse(new BatchView.PersonTypeRule(type, null,
					type.currentUnitRequired(), new GraduationRule(type.graduationYears(), null))),
					descriptions.apply(type)))
			.toList());
		form.fields = new ArrayList<>(batch.fields().stream().map(rule -> rule.field().key()).toList());
		form.requiredFields = new ArrayList<>(
				batch.fields().stream().filter(BatchView.FieldRule::required).map(rule -> rule.field().key()).toList());
		return form;
	}

	public List<TypeRuleForm> getRules() {
		return rules;
	}

	public void setRules(List<TypeRuleForm> rules) {
		this.rules = rules;
	}

	public List<String> getFields() {
		return fields;
	}

	public void setFields(List<String> fields) {
		this.fields = fields;
	}

	public List<String> getRequiredFields() {
		return requiredFields;
	}

	public void setRequiredFields(List<String> requiredFields) {
		this.requiredFields = requiredFields;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public List<String> getPersonTypes() {
		return personTypes;
	}

	public void setPersonTypes(List<String> personTypes) {
		this.personTypes = personTypes;
	}

	public List<String> getBaseCategories() {
		return baseCategories;
	}

	public void setBaseCategories(List<String> baseCategories) {
		this.baseCategories = baseCategories;
	}

	public Integer getChoiceCount() {
		return choiceCount;
	}

	public void setChoiceCount(Integer choiceCount) {
		this.choiceCount = choiceCount;
	}

	public Boolean getAdjustmentAllowed() {
		return adjustmentAllowed;
	}

	public void setAdjustmentAllowed(Boolean adjustmentAllowed) {
		this.adjustmentAllowed = adjustmentAllowed;
	}

	public List<Long> getSpecialtyIds() {
		return specialtyIds;
	}

	public void setSpecialtyIds(List<Long> specialtyIds) {
		this.specialtyIds = specialtyIds;
	}

	public WindowForm getRegistration() {
		return registration;
	}

	public void setRegistration(WindowForm registration) {
		this.registration = registration;
	}

	public List<WindowForm> getStageWindows() {
		return stageWindows;
	}

	public void setStageWindows(List<WindowForm> stageWindows) {
		this.stageWindows = stageWindows;
	}

	public WindowForm getAdmission() {
		return admission;
	}

	public void setAdmission(WindowForm admission) {
		this.admission = admission;
	}

	public WindowForm getConfirmation() {
		return confirmation;
	}

	public void setConfirmation(WindowForm confirmation) {
		this.confirmation = confirmation;
	}

	public WindowForm getCheckIn() {
		return checkIn;
	}

	public void setCheckIn(WindowForm checkIn) {
		this.checkIn = checkIn;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}

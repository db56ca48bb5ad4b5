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
	private Integer version;

	static BatchForm of(BatchView batch, ZoneId zone) {
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
		return form;
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

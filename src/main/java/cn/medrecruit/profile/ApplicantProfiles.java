package cn.medrecruit.profile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.ApplicantDirectory;
import cn.medrecruit.identity.ApplicantIdentity;
import cn.medrecruit.identity.InstitutionLookup;
import cn.medrecruit.shared.Actor;
import cn.medrecruit.shared.InputRejected;

/**
 * Reads and saves the sections of an applicant's profile. A save locks the profile row, validates every field,
 * refuses while an application is under review, and after a first submission records each changed value.
 */
@Service
public class ApplicantProfiles {

	private static final String FROZEN = "profile.frozen";

	private final Profiles profiles;
	private final EducationRecords educations;
	private final WorkRecords works;
	private final ApplicantDirectory applicants;
	private final InstitutionLookup institutions;
	private final JdbcClient jdbc;
	private final FrozenProfiles frozenProfiles;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ApplicantProfiles(Profiles profiles, EducationRecords educations, WorkRecords works, ApplicantDirectory applicants,
			InstitutionLookup institutions, JdbcClient jdbc, FrozenProfiles frozenProfiles,
			ApplicationEventPublisher events, Clock clock) {
		this.frozenProfiles = frozenProfiles;
		this.profiles = profiles;
		this.educations = educations;
		this.works = works;
		this.applicants = applicants;
		this.institutions = institutions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public ProfileView view(AccountId account) {
		return read(account, true);
	}

	private ProfileView read(AccountId account, boolean createIfMissing) {
		ApplicantIdentity identity = applicants.identityOf(account)
			.orElseThrow(() -> new IllegalArgumentException("not an applicant: " + account.value()));
		if (createIfMissing) {
			profiles.createIfMissing(account.value());
		}
		LocalDate today = LocalDate.now(clock);
		return new ProfileView(identity, ProfileView.Data.of(profiles.findById(account.value()).orElseThrow()),
				educations.findByAccountIdOrderByStartMonth(account.value()).stream()
					.map(record -> ProfileView.Education.of(record, today))
					.toList(),
				works.findByAccountIdOrderByStartMonth(account.value()).stream().map(ProfileView.Work::of).toList(),
				today);
	}

	@Transactional
	public void saveBasic(AccountId account, ProfileSections.Basic basic, Actor actor) {
		ApplicantProfile profile = editable(account);
		ApplicantIdentity identity = applicants.identityOf(account).orElseThrow();
		Map<String, Object> before = basicValues(profile);
		if (identity.derivedFromResidentId()) {
			profile.gender = identity.gender();
			profile.birthDate = identity.birthDate();
		}
		else {
			require("gender", basic.gender());
			require("birthDate", basic.birthDate());
			if (!basic.birthDate().isBefore(LocalDate.now(clock))) {
				throw new InputRejected("birthDate", "profile.validation.past-date");
			}
			profile.gender = basic.gender();
			profile.birthDate = basic.birthDate();
		}
		if (basic.ethnicity() == null || !Choices.ETHNICITIES.contains(basic.ethnicity())) {
			throw new InputRejected("ethnicity", "validation.required");
		}
		require("politicalStatus", basic.politicalStatus());
		require("maritalStatus", basic.maritalStatus());
		String xuexin = basic.xuexinCode() == null ? "" : basic.xuexinCode().strip();
		if (!xuexin.matches("\\d{12}") && !"无".equals(xuexin)) {
			throw new InputRejected("xuexinCode", "profile.validation.xuexin");
		}
		profile.ethnicity = basic.ethnicity();
		profile.politicalStatus = basic.politicalStatus();
		profile.maritalStatus = basic.maritalStatus();
		profile.householdRegistration = basic.householdRegistration().strip();
		profile.xuexinCode = xuexin;
		save(profile, "basic", before, basicValues(profile), actor);
	}

	@Transactional
	public void saveContact(AccountId account, ProfileSections.Contact contact, Actor actor) {
		ApplicantProfile profile = editable(account);
		Map<String, Object> before = contactValues(profile);
		profile.email = contact.email().strip();
		profile.address = contact.address().strip();
		profile.postalCode = contact.postalCode().strip();
		profile.emergencyName = contact.emergencyName().strip();
		profile.emergencyPhone = contact.emergencyPhone().strip();
		save(profile, "contact", before, contactValues(profile), actor);
	}

	@Transactional
	public void savePractice(AccountId account, ProfileSections.Practice practice, Actor actor) {
		ApplicantProfile profile = editable(account);
		Map<String, Object> before = practiceValues(profile);
		require("hasPhysicianQualification", practice.hasPhysicianQualification());
		require("hasPracticeCertificate", practice.hasPracticeCertificate());
		require("hasNurseCertificate", practice.hasNurseCertificate());
		profile.hasPhysicianQualification = practice.hasPhysicianQualification();
		profile.qualificationNumber = ifHeld(practice.hasPhysicianQualification(), "qualificationNumber",
				practice.qualificationNumber());
		profile.qualificationDate = ifHeld(practice.hasPhysicianQualification(), "qualificationDate",
				practice.qualificationDate());
		profile.hasPracticeCertificate = practice.hasPracticeCertificate();
		profile.practiceNumber = ifHeld(practice.hasPracticeCertificate(), "practiceNumber", practice.practiceNumber());
		profile.practiceDate = ifHeld(practice.hasPracticeCertificate(), "practiceDate", practice.practiceDate());
		profile.practiceCategory = ifHeld(practice.hasPracticeCertificate(), "practiceCategory",
				practice.practiceCategory());
		profile.practiceScope = ifHeld(practice.hasPracticeCertificate(), "practiceScope", practice.practiceScope());
		profile.hasNurseCertificate = practice.hasNurseCertificate();
		profile.nurseNumber = ifHeld(practice.hasNurseCertificate(), "nurseNumber", practice.nurseNumber());
		profile.nurseDate = ifHeld(practice.hasNurseCertificate(), "nurseDate", practice.nurseDate());
		pastOrToday("qualificationDate", profile.qualificationDate);
		pastOrToday("practiceDate", profile.practiceDate);
		pastOrToday("nurseDate", profile.nurseDate);
		save(profile, "practice", before, practiceValues(profile), actor);
	}

	@Transactional
	public void setHasWorkUnit(AccountId account, boolean hasWorkUnit, Actor actor) {
		ApplicantProfile profile = editable(account);
		Map<String, Object> before = Map.of("hasWorkUnit", String.valueOf(profile.hasWorkUnit));
		profile.hasWorkUnit = hasWorkUnit;
		if (!hasWorkUnit) {
			works.findByAccountIdOrderByStartMonth(account.value()).stream().filter(work -> work.currentUnit)
				.forEach(work -> {
					work.currentUnit = false;
					works.save(work);
				});
			profile.currentUnitId = null;
			profile.currentUnitPath = null;
		}
		save(profile, "work", before, Map.of("hasWorkUnit", String.valueOf(hasWorkUnit)), actor);
	}

	@Transactional
	public long saveEducation(AccountId account, Long recordId, ProfileSections.Education entry, Actor actor) {
		ApplicantProfile profile = editable(account);
		if (entry.endMonth().isBefore(entry.startMonth())) {
			throw new InputRejected("endMonth", "profile.validation.end-before-start");
		}
		if (entry.schoolListed() && !schoolListed(entry.school())) {
			throw new InputRejected("school", "profile.validation.school-unknown");
		}
		EducationRecord record = recordId == null ? new EducationRecord()
				: educations.findById(recordId).filter(found -> found.accountId.equals(account.value()))
					.orElseThrow(() -> new InputRejected("id", "validation.stale"));
		Map<String, Object> before = recordId == null ? Map.of() : educationValues(record);
		record.accountId = account.value();
		record.startMonth = entry.startMonth();
		record.endMonth = entry.endMonth();
		record.school = entry.school().strip();
		record.schoolListed = entry.schoolListed();
		record.major = entry.major().strip();
		record.level = entry.level();
		record.degree = entry.degree();
		record.studyForm = entry.studyForm();
		record.diplomaNumber = blankToNull(entry.diplomaNumber());
		record.degreeNumber = blankToNull(entry.degreeNumber());
		record.firstEducation = entry.firstEducation();
		record.highestEducation = entry.highestEducation();
		record.bachelorEducation = entry.bachelorEducation();
		EducationRecord saved = educations.save(record);
		// each flag marks one record: setting it here clears it on the others
		for (EducationRecord other : educations.findByAccountIdOrderByStartMonth(account.value())) {
			if (!other.id.equals(saved.id) && (saved.firstEducation && other.firstEducation
					|| saved.highestEducation && other.highestEducation
					|| saved.bachelorEducation && other.bachelorEducation)) {
				other.firstEducation &= !saved.firstEducation;
				other.highestEducation &= !saved.highestEducation;
				other.bachelorEducation &= !saved.bachelorEducation;
				educations.save(other);
			}
		}
		save(profile, "education", prefixed("education[" + saved.id + "].", before),
				prefixed("education[" + saved.id + "].", educationValues(saved)), actor);
		return saved.id;
	}

	@Transactional
	public void deleteEducation(AccountId account, long recordId, Actor actor) {
		ApplicantProfile profile = editable(account);
		EducationRecord record = educations.findById(recordId).filter(found -> found.accountId.equals(account.value()))
			.orElseThrow(() -> new InputRejected("id", "validation.stale"));
		educations.delete(record);
		save(profile, "education", prefixed("education[" + recordId + "].", educationValues(record)), Map.of(), actor);
	}

	@Transactional
	public long saveWork(AccountId account, Long recordId, ProfileSections.Work entry, Actor actor) {
		ApplicantProfile profile = editable(account);
		if (entry.endMonth() != null && entry.endMonth().isBefore(entry.startMonth())) {
			throw new InputRejected("endMonth", "profile.validation.end-before-start");
		}
		String unitName = entry.unitName() == null ? "" : entry.unitName().strip();
		String unitPath = null;
		if (entry.unitId() != null) {
			InstitutionLookup.InstitutionRef unit = institutions.find(entry.unitId())
				.filter(InstitutionLookup.InstitutionRef::enabled)
				.orElseThrow(() -> new InputRejected("unitName", "profile.validation.unit-unknown"));
			unitName = unit.name();
			unitPath = unit.scopePath();
		}
		WorkRecord record = recordId == null ? new WorkRecord()
				: works.findById(recordId).filter(found -> found.accountId.equals(account.value()))
					.orElseThrow(() -> new InputRejected("id", "validation.stale"));
		Map<String, Object> before = recordId == null ? Map.of() : workValues(record);
		record.accountId = account.value();
		record.unitId = entry.unitId();
		record.unitName = unitName;
		record.department = blankToNull(entry.department());
		record.post = blankToNull(entry.post());
		record.title = blankToNull(entry.title());
		record.startMonth = entry.startMonth();
		record.endMonth = entry.currentUnit() ? null : entry.endMonth();
		record.currentUnit = entry.currentUnit();
		WorkRecord saved = works.save(record);
		if (saved.currentUnit) {
			for (WorkRecord other : works.findByAccountIdOrderByStartMonth(account.value())) {
				if (!other.id.equals(saved.id) && other.currentUnit) {
					other.currentUnit = false;
					works.save(other);
				}
			}
			profile.hasWorkUnit = true;
			profile.currentUnitId = saved.unitId;
			profile.currentUnitPath = unitPath;
		}
		else if (Objects.equals(profile.currentUnitId, saved.unitId) && recordId != null) {
			profile.currentUnitId = null;
			profile.currentUnitPath = null;
		}
		save(profile, "work", prefixed("work[" + saved.id + "].", before),
				prefixed("work[" + saved.id + "].", workValues(saved)), actor);
		return saved.id;
	}

	@Transactional
	public void deleteWork(AccountId account, long recordId, Actor actor) {
		ApplicantProfile profile = editable(account);
		WorkRecord record = works.findById(recordId).filter(found -> found.accountId.equals(account.value()))
			.orElseThrow(() -> new InputRejected("id", "validation.stale"));
		works.delete(record);
		if (record.currentUnit) {
			profile.currentUnitId = null;
			profile.currentUnitPath = null;
		}
		save(profile, "work", prefixed("work[" + recordId + "].", workValues(record)), Map.of(), actor);
	}

	/**
	 * Makes the profile read-only while an application is under review; from now on changes are recorded. The row
	 * stays locked until the caller's transaction ends, so the profile answered, read after the freeze in one
	 * statement, cannot change before the caller commits.
	 */
	@Transactional
	public FrozenProfile freeze(AccountId account) {
		if (!frozenProfiles.freeze(account)) {
			profiles.createIfMissing(account.value());
			frozenProfiles.freeze(account);
		}
		ApplicantDirectory.NameCard card = applicants.nameCardOf(account)
			.orElseThrow(() -> new IllegalArgumentException("not an applicant: " + account.value()));
		return frozenProfiles.read(account, card, LocalDate.now(clock));
	}

	/** Editable again, e.g. when a reviewer returns the application for revision. */
	@Transactional
	public void reopen(AccountId account) {
		profiles.createIfMissing(account.value());
		ApplicantProfile profile = profiles.lock(account.value());
		profile.frozen = false;
		profiles.save(profile);
	}

	/** The path of the applicant's current unit: staff whose subtree contains it may see the profile. */
	@Transactional(readOnly = true)
	public Optional<String> scopePathOf(AccountId account) {
		return profiles.findById(account.value()).map(profile -> profile.currentUnitPath);
	}

	@Transactional(readOnly = true)
	public List<ProfileChange> changesOf(AccountId account) {
		return jdbc.sql("""
				SELECT section, field, old_value, new_value, changed_by, changed_at FROM profile_change
				 WHERE account_id = :id ORDER BY changed_at DESC, id DESC""")
			.param("id", account.value())
			.query((rs, n) -> new ProfileChange(rs.getString("section"), rs.getString("field"), rs.getString("old_value"),
					rs.getString("new_value"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	public record ProfileChange(String section, String field, String oldValue, String newValue, String changedBy,
			java.time.Instant changedAt) {
	}

	public List<String> schools() {
		return jdbc.sql("SELECT name FROM school ORDER BY id").query(String.class).list();
	}

	private boolean schoolListed(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM school WHERE name = :name").param("name", name.strip()).query(Integer.class)
			.single() > 0;
	}

	/** Locks the profile row for a change and refuses while it is frozen. */
	ApplicantProfile editable(AccountId account) {
		profiles.createIfMissing(account.value());
		ApplicantProfile profile = profiles.lock(account.value());
		if (profile.frozen) {
			throw new InputRejected("profile", FROZEN);
		}
		return profile;
	}

	private void save(ApplicantProfile profile, String section, Map<String, Object> before, Map<String, Object> after,
			Actor actor) {
		profile.updatedAt = clock.instant();
		profiles.save(profile);
		if (profile.submittedOnce) {
			recordChanges(profile.accountId, section, before, after, actor);
		}
		events.publishEvent(AuditEvent.success("PROFILE_SAVED", "account:" + profile.accountId, section));
	}

	void recordChanges(long accountId, String section, Map<String, Object> before, Map<String, Object> after,
			Actor actor) {
		Map<String, Object> fields = new LinkedHashMap<>(before);
		after.forEach(fields::putIfAbsent);
		for (String field : fields.keySet()) {
			String old = text(before.get(field));
			String now = text(after.get(field));
			if (!Objects.equals(old, now)) {
				jdbc.sql("""
						INSERT INTO profile_change (account_id, section, field, old_value, new_value, changed_by, changed_at)
						VALUES (:account, :section, :field, :old, :new, :by, :at)""")
					.param("account", accountId)
					.param("section", section)
					.param("field", field)
					.param("old", old)
					.param("new", now)
					.param("by", actor.loginName())
					.param("at", Timestamp.from(clock.instant()))
					.update();
			}
		}
	}

	private static Map<String, Object> basicValues(ApplicantProfile p) {
		return values("gender", p.gender, "birthDate", p.birthDate, "ethnicity", p.ethnicity, "politicalStatus",
				p.politicalStatus, "maritalStatus", p.maritalStatus, "householdRegistration", p.householdRegistration,
				"xuexinCode", p.xuexinCode);
	}

	private static Map<String, Object> contactValues(ApplicantProfile p) {
		return values("email", p.email, "address", p.address, "postalCode", p.postalCode, "emergencyName",
				p.emergencyName, "emergencyPhone", p.emergencyPhone);
	}

	private static Map<String, Object> practiceValues(ApplicantProfile p) {
		return values("hasPhysicianQualification", p.hasPhysicianQualification, "qualificationNumber",
				p.qualificationNumber, "qualificationDate", p.qualificationDate, "hasPracticeCertificate",
				p.hasPracticeCertificate, "practiceNumber", p.practiceNumber, "practiceDate", p.practiceDate,
				"practiceCategory", p.practiceCategory, "practiceScope", p.practiceScope, "hasNurseCertificate",
				p.hasNurseCertificate, "nurseNumber", p.nurseNumber, "nurseDate", p.nurseDate);
	}

	private static Map<String, Object> educationValues(EducationRecord r) {
		return values("startMonth", r.startMonth, "endMonth", r.endMonth, "school", r.school, "major", r.major, "level",
				r.level, "degree", r.degree, "studyForm", r.studyForm, "diplomaNumber", r.diplomaNumber, "degreeNumber",
				r.degreeNumber, "firstEducation", r.firstEducation, "highestEducation", r.highestEducation,
				"bachelorEducation", r.bachelorEducation);
	}

	private static Map<String, Object> workValues(WorkRecord r) {
		return values("unitName", r.unitName, "department", r.department, "post", r.post, "title", r.title,
				"startMonth", r.startMonth, "endMonth", r.endMonth, "currentUnit", r.currentUnit);
	}

	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static Map<String, Object> prefixed(String prefix, Map<String, Object> values) {
		Map<String, Object> map = new LinkedHashMap<>();
		values.forEach((key, value) -> map.put(prefix + key, value));
		return map;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return text.length() > 500 ? text.substring(0, 500) : text;
	}

	private static void require(String field, Object value) {
		if (value == null) {
			throw new InputRejected(field, "validation.required");
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T ifHeld(Boolean held, String field, T value) {
		if (!Boolean.TRUE.equals(held)) {
			return null;
		}
		if (value == null || value instanceof String text && text.isBlank()) {
			throw new InputRejected(field, "validation.required");
		}
		return value instanceof String text ? (T) text.strip() : value;
	}

	private void pastOrToday(String field, LocalDate date) {
		if (date != null && date.isAfter(LocalDate.now(clock))) {
			throw new InputRejected(field, "profile.validation.past-date");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}

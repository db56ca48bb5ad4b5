package cn.medrecruit.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.ApplicantDirectory;
import cn.medrecruit.identity.ApplicantIdentity;
import cn.medrecruit.profile.ApplicantDocuments;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.profile.ProfileView;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.Placements;
import cn.medrecruit.program.PlanLine;
import cn.medrecruit.review.RequestKind;
import cn.medrecruit.review.ReviewSubject;
import cn.medrecruit.review.ReviewSubjects;
import cn.medrecruit.shared.Actor;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/**
 * Shows an application to reviewers: the fields the evidence proves (identity, education, certificates), the
 * supplementary fields (which reviewers may correct), every evidence file beside the field it proves, and what the
 * applicant changed after the first submission.
 */
@Component
class ApplicationReviewSubjects implements ReviewSubjects {

	static final int FIELD_LIMIT = 200;

	private final ApplicationStore store;
	private final Batches batches;
	private final Placements placements;
	private final ApplicantProfiles profiles;
	private final ApplicantDocuments documents;
	private final ApplicantDirectory applicants;
	private final Texts texts;
	private final Clock clock;

	ApplicationReviewSubjects(ApplicationStore store, Batches batches, Placements placements,
			ApplicantProfiles profiles, ApplicantDocuments documents, ApplicantDirectory applicants, Texts texts,
			Clock clock) {
		this.store = store;
		this.batches = batches;
		this.placements = placements;
		this.profiles = profiles;
		this.documents = documents;
		this.applicants = applicants;
		this.texts = texts;
		this.clock = clock;
	}

	@Override
	public RequestKind kind() {
		return RequestKind.APPLICATION;
	}

	@Override
	public Optional<ReviewSubject> subject(long subjectId) {
		return store.find(subjectId).map(this::subject);
	}

	private ReviewSubject subject(ApplicationView application) {
		AccountId account = new AccountId(application.accountId());
		BatchView batch = batches.find(application.batchId()).orElseThrow();
		ApplicantIdentity identity = applicants.identityOf(account).orElseThrow();
		ProfileView profile = profiles.view(account);
		List<ReviewSubject.Field> fields = new ArrayList<>();
		fields.add(new ReviewSubject.Field("realName", texts.get("review.field.real-name"), identity.realName(), false));
		fields.add(new ReviewSubject.Field("idNumber", texts.get("review.field.id-number"), identity.idNumberMasked(),
				false));
		profile.works().stream().filter(ProfileView.Work::currentUnit).findFirst().ifPresent(work -> fields.add(
				new ReviewSubject.Field("currentUnit", texts.get("review.field.current-unit"), work.unitName(), false)));
		for (ProfileView.Education education : profile.educations()) {
			String school = education.school() + " " + (education.major() == null ? "" : education.major());
			fields.add(new ReviewSubject.Field("education[" + education.id() + "].diplomaNumber",
					texts.get("profile.education.diploma-number") + "（" + school.strip() + "）",
					education.diplomaNumber(), false));
			if (education.degreeNumber() != null) {
				fields.add(new ReviewSubject.Field("education[" + education.id() + "].degreeNumber",
						texts.get("profile.education.degree-number") + "（" + school.strip() + "）",
						education.degreeNumber(), false));
			}
		}
		ProfileView.Data data = profile.data();
		if (Boolean.TRUE.equals(data.hasPhysicianQualification())) {
			fields.add(new ReviewSubject.Field("qualificationNumber",
					texts.get("profile.practice.qualification-number"), data.qualificationNumber(), false));
		}
		if (Boolean.TRUE.equals(data.hasPracticeCertificate())) {
			fields.add(new ReviewSubject.Field("practiceNumber", texts.get("profile.practice.certificate-number"),
					data.practiceNumber(), false));
		}
		if (Boolean.TRUE.equals(data.hasNurseCertificate())) {
			fields.add(new ReviewSubject.Field("nurseNumber", texts.get("profile.practice.nurse-number"),
					data.nurseNumber(), false));
		}
		application.fields()
			.forEach((key, value) -> fields.add(new ReviewSubject.Field(key, fieldLabel(key), value, true)));
		List<ReviewSubject.Evidence> evidence = documents.of(account)
			.stream()
			.map(document -> new ReviewSubject.Evidence(document.file().id().value(),
					texts.get(document.slot().messageKey())
							+ (document.note() == null || document.note().isBlank() ? "" : "（" + document.note() + "）"),
					provedField(document), document.file().url(), document.file().thumbnailUrl(),
					document.file().isImage()))
			.toList();
		List<ReviewSubject.Change> changes = profiles.changesOf(account)
			.stream()
			.map(change -> new ReviewSubject.Change(change.field(), change.oldValue(), change.newValue(),
					change.changedAt()))
			.toList();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("app", application);
		model.put("batch", batch);
		model.put("baseNames", baseNames(application));
		model.put("specialtyName", batch.specialties()
			.stream()
			.filter(specialty -> specialty.id() == (application.specialtyId() == null ? -1 : application.specialtyId()))
			.map(BatchView.Specialty::name)
			.findFirst()
			.orElse(""));
		return new ReviewSubject("application/fragments :: summary", model, fields, evidence, changes);
	}

	@Override
	public void correct(long subjectId, String fieldKey, String newValue, Actor actor) {
		ApplicationView application = store.lock(subjectId)
			.orElseThrow(() -> new InputRejected("field", "review.refused.missing"));
		if (!application.fields().containsKey(fieldKey)) {
			throw new InputRejected("field", "review.refused.field");
		}
		if (newValue.length() > FIELD_LIMIT) {
			throw new InputRejected("value", "review.validation.reason-length", FIELD_LIMIT);
		}
		store.correctField(subjectId, fieldKey, newValue, clock.instant());
	}

	private static String provedField(ApplicantDocuments.Document document) {
		switch (document.slot()) {
			case PHOTO:
				return "realName";
			case ID_FRONT:
			case ID_BACK:
				return "idNumber";
			case DIPLOMA:
				return document.educationRecordId() == null ? null
						: "education[" + document.educationRecordId() + "].diplomaNumber";
			case DEGREE_CERTIFICATE:
				return document.educationRecordId() == null ? null
						: "education[" + document.educationRecordId() + "].degreeNumber";
			case PHYSICIAN_QUALIFICATION:
				return "qualificationNumber";
			case PRACTICE_CERTIFICATE:
			case PRACTICE_CHANGE:
				return "practiceNumber";
			case NURSE_CERTIFICATE:
				return "nurseNumber";
			default:
				return null;
		}
	}

	private String fieldLabel(String key) {
		try {
			return texts.get("application.field." + key);
		}
		catch (NoSuchMessageException unlabelled) {
			return key;
		}
	}

	private Map<Long, String> baseNames(ApplicationView application) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (application.specialtyId() != null) {
			for (PlanLine line : placements.plansFor(application.batchId(), application.specialtyId())) {
				names.put(line.baseId(), line.baseName());
			}
		}
		return names;
	}
}

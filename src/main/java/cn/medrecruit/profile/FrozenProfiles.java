package cn.medrecruit.profile;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.ApplicantDirectory;
import cn.medrecruit.identity.Gender;
import cn.medrecruit.profile.Choices.Degree;
import cn.medrecruit.profile.Choices.EducationLevel;
import cn.medrecruit.profile.Choices.MaritalStatus;
import cn.medrecruit.profile.Choices.PoliticalStatus;
import cn.medrecruit.profile.Choices.PracticeCategory;
import cn.medrecruit.profile.Choices.StudyForm;

/**
 * The freeze of a submit: one {@code UPDATE} that freezes and locks the profile row, then one {@code SELECT} that reads
 * the row with its education records and documents (a {@code UNION ALL} of the two, joined to the row) and whether a
 * current unit is recorded, mapped by hand. The profile pages read the same tables through their repositories.
 */
@Repository
class FrozenProfiles {

	private static final String PROFILE_COLUMNS = """
			p.gender, p.birth_date, p.ethnicity, p.political_status, p.marital_status, p.household_registration,
			p.xuexin_code, p.email, p.address, p.postal_code, p.emergency_name, p.emergency_phone, p.has_work_unit,
			p.has_physician_qualification, p.qualification_number, p.qualification_date, p.has_practice_certificate,
			p.practice_number, p.practice_date, p.practice_category, p.practice_scope, p.has_nurse_certificate,
			p.nurse_number, p.nurse_date, p.current_unit_id, p.current_unit_path, p.frozen""";

	/** Each row: the profile's columns, then one education record ('E') or one document ('D'), or none. */
	private static final String READ = "SELECT " + PROFILE_COLUMNS + """
			,
			       CASE WHEN EXISTS (SELECT 1 FROM work_record w WHERE w.account_id = p.account_id AND w.current_unit = TRUE)
			            THEN TRUE ELSE FALSE END AS current_work,
			       x.part, x.id, x.start_month, x.end_month, x.school, x.school_listed, x.major, x.level, x.degree,
			       x.study_form, x.diploma_number, x.degree_number, x.first_education, x.highest_education,
			       x.bachelor_education, x.slot, x.upload_bytes
			  FROM applicant_profile p
			  LEFT JOIN (
			    SELECT 'E' AS part, id, start_month, end_month, school, school_listed, major, level, degree, study_form,
			           diploma_number, degree_number, first_education, highest_education, bachelor_education,
			           CAST(NULL AS VARCHAR) AS slot, CAST(NULL AS BIGINT) AS upload_bytes
			      FROM education_record WHERE account_id = :id
			    UNION ALL
			    SELECT 'D', education_record_id, CAST(NULL AS DATE), CAST(NULL AS DATE), CAST(NULL AS VARCHAR),
			           CAST(NULL AS BOOLEAN), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR),
			           CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS BOOLEAN),
			           CAST(NULL AS BOOLEAN), CAST(NULL AS BOOLEAN), slot, upload_bytes
			      FROM profile_document WHERE account_id = :id
			  ) x ON TRUE
			 WHERE p.account_id = :id""";

	private final JdbcClient jdbc;

	FrozenProfiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Freezes the profile in one statement, which also locks its row until the transaction ends; the version moves so
	 * that a save prepared before the freeze fails. Answers false when the applicant has no profile row.
	 */
	boolean freeze(AccountId account) {
		return jdbc.sql("""
				UPDATE applicant_profile SET frozen = TRUE, submitted_once = TRUE, version = version + 1
				 WHERE account_id = :id""")
			.param("id", account.value())
			.update() > 0;
	}

	/** The frozen profile, read in one statement; the row must exist. */
	FrozenProfile read(AccountId account, ApplicantDirectory.NameCard card, LocalDate today) {
		List<ProfileView.Education> educations = new ArrayList<>();
		List<FrozenProfile.HeldDocument> documents = new ArrayList<>();
		ProfileView.Data[] data = new ProfileView.Data[1];
		String[] unitPath = new String[1];
		boolean[] currentWork = new boolean[1];
		jdbc.sql(READ).param("id", account.value()).query(rs -> {
			if (data[0] == null) {
				data[0] = data(rs);
				unitPath[0] = rs.getString("current_unit_path");
				currentWork[0] = rs.getBoolean("current_work");
			}
			String part = rs.getString("part");
			if ("E".equals(part)) {
				educations.add(education(rs, today));
			}
			else if ("D".equals(part)) {
				documents.add(new FrozenProfile.HeldDocument(DocumentSlot.valueOf(rs.getString("slot")),
						(Long) rs.getObject("id", Long.class), rs.getLong("upload_bytes")));
			}
		});
		if (data[0] == null) {
			throw new IllegalStateException("no profile row for account " + account.value());
		}
		// the order of the profile pages (by start month), which the rules that pick "the first" record follow
		educations.sort(java.util.Comparator.comparing(ProfileView.Education::startMonth)
			.thenComparing(ProfileView.Education::id));
		return new FrozenProfile(account, card.realName(), card.idNumberMasked(), card.idType(), data[0], unitPath[0],
				educations, currentWork[0], documents);
	}

	private static ProfileView.Data data(ResultSet rs) throws SQLException {
		return new ProfileView.Data(enumOf(rs, "gender", Gender::valueOf), date(rs, "birth_date"),
				rs.getString("ethnicity"), enumOf(rs, "political_status", PoliticalStatus::valueOf),
				enumOf(rs, "marital_status", MaritalStatus::valueOf), rs.getString("household_registration"),
				rs.getString("xuexin_code"), rs.getString("email"), rs.getString("address"), rs.getString("postal_code"),
				rs.getString("emergency_name"), rs.getString("emergency_phone"), bool(rs, "has_work_unit"),
				bool(rs, "has_physician_qualification"), rs.getString("qualification_number"),
				date(rs, "qualification_date"), bool(rs, "has_practice_certificate"), rs.getString("practice_number"),
				date(rs, "practice_date"), enumOf(rs, "practice_category", PracticeCategory::valueOf),
				rs.getString("practice_scope"), bool(rs, "has_nurse_certificate"), rs.getString("nurse_number"),
				date(rs, "nurse_date"), (Long) rs.getObject("current_unit_id", Long.class), rs.getBoolean("frozen"));
	}

	private static ProfileView.Education education(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate end = date(rs, "end_month");
		return new ProfileView.Education(rs.getLong("id"), date(rs, "start_month"), end, rs.getString("school"),
				rs.getBoolean("school_listed"), rs.getString("major"), enumOf(rs, "level", EducationLevel::valueOf),
				enumOf(rs, "degree", Degree::valueOf), enumOf(rs, "study_form", StudyForm::valueOf),
				rs.getString("diploma_number"), rs.getString("degree_number"), rs.getBoolean("first_education"),
				rs.getBoolean("highest_education"), rs.getBoolean("bachelor_education"), end.isAfter(today));
	}

	private static <E> E enumOf(ResultSet rs, String column, Function<String, E> valueOf) throws SQLException {
		String name = rs.getString(column);
		return name == null ? null : valueOf.apply(name);
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}
}

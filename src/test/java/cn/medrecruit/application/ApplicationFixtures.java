package cn.medrecruit.application;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.TestApplicants;

/**
 * Batches, approved plans and complete profiles for application tests. Batches and plans are written directly (their
 * pages are tested in the program module); profiles go through the profile pages, documents are recorded directly.
 */
public class ApplicationFixtures {

	public static final String BASE = "35000101";
	public static final String OTHER_BASE = "35000102";

	private final JdbcClient jdbc;
	private final MockMvc mvc;
	private final TestApplicants applicants;

	public ApplicationFixtures(JdbcClient jdbc, MockMvc mvc, TestApplicants applicants) {
		this.jdbc = jdbc;
		this.mvc = mvc;
		this.applicants = applicants;
	}

	/** A residency batch (本单位, 面向社会; 2 choices; 调剂) whose registration window runs from now-1d to now+1d. */
	public long openBatch(String name, Instant now) {
		return batch(name, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
	}

	synchronized long batch(String name, Instant start, Instant end) {
		long batch = insertBatch("residency", name, 2, true, start, end, List.of("OWN_RESIDENT", "SOCIAL_RECRUIT"),
				List.of(specialty("R01"), specialty("R03")));
		jdbc.sql("""
				INSERT INTO batch_stage (batch_id, stage_position, stage_level, on_reject, window_start, window_end)
				VALUES (:b, 0, 'FIRST_CHOICE_BASE', 'RETURNS', :s, :e)""")
			.param("b", batch).param("s", Timestamp.from(end)).param("e", laterThan(end)).update();
		return batch;
	}

	/**
	 * A county-backbone batch (学科带头人, 医疗技术骨干; 1 choice; no 调剂; specialties C01 and C02; the chain 区县 → 地市 →
	 * 省) whose registration window runs from now-1d to now+1d.
	 */
	public synchronized long countyBackboneBatch(String name, Instant now) {
		Instant end = now.plus(Duration.ofDays(1));
		long batch = insertBatch("county-backbone", name, 1, false, now.minus(Duration.ofDays(1)), end,
				List.of("DISCIPLINE_LEADER", "TECHNICAL_BACKBONE"), List.of(countySpecialty("C01"), countySpecialty("C02")));
		String[] levels = { "COUNTY", "CITY", "PROVINCE" };
		for (int i = 0; i < levels.length; i++) {
			jdbc.sql("""
					INSERT INTO batch_stage (batch_id, stage_position, stage_level, on_reject, window_start, window_end)
					VALUES (:b, :p, :l, :r, :s, :e)""")
				.param("b", batch).param("p", i).param("l", levels[i]).param("r", i < 2 ? "RETURNS" : "ENDS")
				.param("s", Timestamp.from(end)).param("e", laterThan(end)).update();
		}
		return batch;
	}

	/**
	 * A batch of its own new cohort of the program, for base category AFFILIATED, with the registration window given and
	 * the admission, confirmation and check-in windows from 30 to 40 days after it; its chain is the caller's.
	 */
	private long insertBatch(String program, String name, int choices, boolean adjustment, Instant start, Instant end,
			List<String> personTypes, List<Long> specialtyIds) {
		int year = fixtureYear(program);
		jdbc.sql("INSERT INTO cohort (program_code, cohort_year, created_at) VALUES (:p, :y, CURRENT_TIMESTAMP)")
			.param("p", program).param("y", year).update();
		long cohort = jdbc.sql("SELECT id FROM cohort WHERE program_code = :p AND cohort_year = :y")
			.param("p", program).param("y", year).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO batch (cohort_id, name, choice_count, adjustment_allowed, registration_start, registration_end,
				  admission_start, admission_end, confirmation_start, confirmation_end, check_in_start, check_in_end,
				  version, created_at, updated_at)
				VALUES (:c, :n, :choices, :adjustment, :s, :e, :later, :last, :later, :last, :later, :last, 0,
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.param("c", cohort).param("n", name).param("choices", choices).param("adjustment", adjustment)
			.param("s", Timestamp.from(start)).param("e", Timestamp.from(end))
			.param("later", laterThan(end)).param("last", Timestamp.from(end.plus(Duration.ofDays(40)))).update();
		long batch = jdbc.sql("SELECT id FROM batch WHERE cohort_id = :c").param("c", cohort).query(Long.class).single();
		for (String type : personTypes) {
			jdbc.sql("INSERT INTO batch_person_type (batch_id, person_type) VALUES (:b, :t)").param("b", batch)
				.param("t", type).update();
		}
		jdbc.sql("INSERT INTO batch_base_category (batch_id, category) VALUES (:b, 'AFFILIATED')").param("b", batch)
			.update();
		for (Long specialtyId : specialtyIds) {
			jdbc.sql("INSERT INTO batch_specialty (batch_id, specialty_id) VALUES (:b, :s)").param("b", batch)
				.param("s", specialtyId).update();
		}
		return batch;
	}

	/** 30 days after the registration window: where the review windows end and the admission windows start. */
	private static Timestamp laterThan(Instant end) {
		return Timestamp.from(end.plus(Duration.ofDays(30)));
	}

	/**
	 * A free cohort year for a batch written here, counted down from 1999: the suite writes a cohort per batch, and
	 * counting up from the newest year would soon push the tests that create cohorts through the province's page (the
	 * newest year + 1, which the page accepts up to 2100) out of range.
	 */
	private int fixtureYear(String program) {
		Integer min = jdbc.sql("SELECT MIN(cohort_year) FROM cohort WHERE program_code = :p").param("p", program)
			.query(Integer.class).optional().orElse(null);
		return min == null || min >= 2000 ? 1999 : min - 1;
	}

	/** An approved plan of the base for a specialty given by its id. */
	public void approvedPlan(long batch, String base, long specialtyId, int places) {
		jdbc.sql("""
				INSERT INTO plan_declaration (batch_id, base_institution_id, status, version, declared_at, decided_at)
				SELECT :b, :i, 'APPROVED', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM (VALUES (1)) AS one (x)
				 WHERE NOT EXISTS (SELECT 1 FROM plan_declaration WHERE batch_id = :b AND base_institution_id = :i)""")
			.param("b", batch).param("i", institution(base)).update();
		jdbc.sql("""
				INSERT INTO plan (batch_id, base_institution_id, specialty_id, places, applied_count, status, version)
				VALUES (:b, :i, :s, :p, 0, 'APPROVED', 0)""")
			.param("b", batch).param("i", institution(base)).param("s", specialtyId).param("p", places).update();
	}

	/** The province's quota (名额) for the city-level health commission with that code. */
	public void quota(long batch, String city, long specialtyId, int places) {
		jdbc.sql("INSERT INTO quota (batch_id, city_institution_id, specialty_id, places) VALUES (:b, :c, :s, :p)")
			.param("b", batch).param("c", institution(city)).param("s", specialtyId).param("p", places).update();
	}

	public int applied(long batch, String base, long specialtyId) {
		return jdbc.sql("SELECT applied_count FROM plan WHERE batch_id = :b AND base_institution_id = :i AND specialty_id = :s")
			.param("b", batch).param("i", institution(base)).param("s", specialtyId).query(Integer.class).single();
	}

	public int filled(long batch, String city, long specialtyId) {
		return jdbc.sql("SELECT filled_count FROM quota WHERE batch_id = :b AND city_institution_id = :c AND specialty_id = :s")
			.param("b", batch).param("c", institution(city)).param("s", specialtyId).query(Integer.class).single();
	}

	public long countySpecialty(String code) {
		return jdbc.sql("SELECT id FROM program_specialty WHERE program_code = 'county-backbone' AND code = :c")
			.param("c", code).query(Long.class).single();
	}

	/** An approved plan of the base for the specialty. */
	public void approvedPlan(long batch, String base, String specialty, int places) {
		jdbc.sql("""
				INSERT INTO plan_declaration (batch_id, base_institution_id, status, version, declared_at, decided_at)
				SELECT :b, :i, 'APPROVED', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM (VALUES (1)) AS one (x)
				 WHERE NOT EXISTS (SELECT 1 FROM plan_declaration WHERE batch_id = :b AND base_institution_id = :i)""")
			.param("b", batch).param("i", institution(base)).update();
		jdbc.sql("""
				INSERT INTO plan (batch_id, base_institution_id, specialty_id, places, applied_count, status, version)
				VALUES (:b, :i, :s, :p, 0, 'APPROVED', 0)""")
			.param("b", batch).param("i", institution(base)).param("s", specialty(specialty)).param("p", places)
			.update();
	}

	public int applied(long batch, String base, String specialty) {
		return jdbc.sql("SELECT applied_count FROM plan WHERE batch_id = :b AND base_institution_id = :i AND specialty_id = :s")
			.param("b", batch).param("i", institution(base)).param("s", specialty(specialty)).query(Integer.class)
			.single();
	}

	/** A new applicant whose profile is complete for residency, with or without a current unit. */
	public TestApplicants.Registered completeApplicant(String name, boolean withCurrentUnit) throws Exception {
		TestApplicants.Registered applicant = applicants.register(name);
		as(applicant, post("/profile/basic").param("ethnicity", "01").param("politicalStatus", "CYL_MEMBER")
			.param("maritalStatus", "UNMARRIED").param("householdRegistration", "福建省福州市").param("xuexinCode", "无"));
		as(applicant, post("/profile/contact").param("email", "a@example.cn").param("address", "福建省福州市鼓楼区八一七北路")
			.param("postalCode", "350001").param("emergencyName", "孙强").param("emergencyPhone", "13900000000"));
		as(applicant, post("/profile/education/new").param("startMonth", "2014-09").param("endMonth", "2019-07")
			.param("school", "福建医科大学").param("major", "临床医学").param("level", "BACHELOR").param("degree", "NONE")
			.param("studyForm", "FULL_TIME").param("firstEducation", "true").param("highestEducation", "true")
			.param("bachelorEducation", "true"));
		if (withCurrentUnit) {
			long hospital = institution("35012205");
			as(applicant, post("/profile/work/new").param("unitId", String.valueOf(hospital)).param("unitName", "连江县医院")
				.param("department", "内科").param("post", "住院医师").param("startMonth", "2020-08")
				.param("currentUnit", "true"));
		}
		else {
			as(applicant, post("/profile/work/has-unit").param("hasWorkUnit", "false"));
		}
		long education = jdbc.sql("SELECT id FROM education_record WHERE account_id = :a")
			.param("a", applicant.id().value()).query(Long.class).single();
		document(applicant, "PHOTO", null, 200_000);
		document(applicant, "ID_FRONT", null, 50_000);
		document(applicant, "ID_BACK", null, 50_000);
		document(applicant, "DIPLOMA", education, 50_000);
		return applicant;
	}

	void document(TestApplicants.Registered applicant, String slot, Long education, long bytes) {
		jdbc.sql("""
				INSERT INTO profile_document (account_id, slot, education_record_id, file_id, upload_bytes, created_at)
				VALUES (:a, :s, :e, 0, :b, CURRENT_TIMESTAMP)""")
			.param("a", applicant.id().value()).param("s", slot).param("e", education).param("b", bytes).update();
	}

	public long institution(String code) {
		return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
	}

	public long specialty(String code) {
		return jdbc.sql("SELECT id FROM program_specialty WHERE program_code = 'residency' AND code = :c")
			.param("c", code).query(Long.class).single();
	}

	private void as(TestApplicants.Registered applicant, MockHttpServletRequestBuilder request) throws Exception {
		mvc.perform(request.with(user(applicant.principal())).with(csrf())).andExpect(status().is3xxRedirection());
	}
}

package cn.medrecruit.review;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.TestApplicants;
import cn.medrecruit.TestImages;
import cn.medrecruit.application.ApplicationFixtures;
import cn.medrecruit.application.ApplicationView;
import cn.medrecruit.application.Applications;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.PersonType;

/**
 * Submitted applications on a batch whose chain is 区县 → 地市 → 省 (as the county-backbone program), every review
 * window open from yesterday for a month. Applicants have two real evidence images (the ID card's sides).
 */
public class ReviewFixtures {

	public static final String LIANJIANG_HOSPITAL = "35012205";

	private final JdbcClient jdbc;
	private final MockMvc mvc;
	private final Applications applications;
	private final UserDetailsService users;
	private final ApplicationFixtures applicationFixtures;

	public ReviewFixtures(JdbcClient jdbc, MockMvc mvc, TestApplicants applicants, Applications applications,
			UserDetailsService users) {
		this.jdbc = jdbc;
		this.mvc = mvc;
		this.applications = applications;
		this.users = users;
		this.applicationFixtures = new ApplicationFixtures(jdbc, mvc, applicants);
	}

	public ApplicationFixtures applicationFixtures() {
		return applicationFixtures;
	}

	/** A batch with the chain COUNTY (returns) → CITY (returns) → PROVINCE (ends), all windows open now. */
	public long countyChainBatch(String name, Instant now) {
		long batch = applicationFixtures.openBatch(name, now);
		applicationFixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 100);
		jdbc.sql("DELETE FROM batch_stage WHERE batch_id = :b").param("b", batch).update();
		String[][] stages = { { "COUNTY", "RETURNS" }, { "CITY", "RETURNS" }, { "PROVINCE", "ENDS" } };
		for (int i = 0; i < stages.length; i++) {
			jdbc.sql("""
					INSERT INTO batch_stage (batch_id, stage_position, stage_level, on_reject, window_start, window_end)
					VALUES (:b, :p, :l, :o, :s, :e)""")
				.param("b", batch).param("p", i).param("l", stages[i][0]).param("o", stages[i][1])
				.param("s", Timestamp.from(now.minus(Duration.ofDays(1))))
				.param("e", Timestamp.from(now.plus(Duration.ofDays(30))))
				.update();
		}
		return batch;
	}

	/** Closes (or opens) the review window of one stage. */
	public void stageWindow(long batch, int position, Instant start, Instant end) {
		jdbc.sql("UPDATE batch_stage SET window_start = :s, window_end = :e WHERE batch_id = :b AND stage_position = :p")
			.param("s", Timestamp.from(start)).param("e", Timestamp.from(end)).param("b", batch).param("p", position)
			.update();
	}

	/** An applicant whose current unit is the institution with this code (null: no unit), with two real ID images. */
	public TestApplicants.Registered applicant(String name, String unitCode) throws Exception {
		TestApplicants.Registered applicant = applicationFixtures.completeApplicant(name, unitCode != null);
		if (unitCode != null && !unitCode.equals(LIANJIANG_HOSPITAL)) {
			long unit = applicationFixtures.institution(unitCode);
			jdbc.sql("""
					UPDATE applicant_profile SET current_unit_id = :u,
					       current_unit_path = (SELECT path FROM institution WHERE id = :u) WHERE account_id = :a""")
				.param("u", unit).param("a", applicant.id().value()).update();
			jdbc.sql("UPDATE work_record SET unit_id = :u WHERE account_id = :a AND current_unit = TRUE")
				.param("u", unit).param("a", applicant.id().value()).update();
		}
		upload(applicant, "ID_FRONT", TestImages.certificateJpeg("FRONT"));
		upload(applicant, "ID_BACK", TestImages.certificateJpeg("BACK"));
		return applicant;
	}

	/** Fills the wizard and submits; answers the application as it is then. */
	public ApplicationView submitted(TestApplicants.Registered applicant, long batch) {
		ApplicationView draft = applications.start(applicant.id(), new BatchId(batch), applicant.principal());
		applications.choosePersonType(applicant.id(), draft.id(), PersonType.SOCIAL_RECRUIT);
		applications.chooseSpecialty(applicant.id(), draft.id(), applicationFixtures.specialty("R01"));
		applications.chooseBases(applicant.id(), draft.id(),
				List.of(applicationFixtures.institution(ApplicationFixtures.BASE)), true);
		applications.submit(applicant.id(), draft.id(), applicant.principal());
		return applications.find(applicant.id(), draft.id()).orElseThrow();
	}

	public CurrentUser reviewer(String login) {
		return (CurrentUser) users.loadUserByUsername(login);
	}

	private void upload(TestApplicants.Registered applicant, String slot, byte[] content) throws Exception {
		mvc.perform(multipart("/profile/documents").file(new MockMultipartFile("file", slot + ".jpg", null, content))
			.param("slot", slot)
			.with(user(applicant.principal()))
			.with(csrf())).andExpect(status().is3xxRedirection());
	}
}

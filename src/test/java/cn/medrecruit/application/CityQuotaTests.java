package cn.medrecruit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.medrecruit.Concurrently;
import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.WebSession;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.PersonType;
import cn.medrecruit.shared.InputRejected;
/** 000 3.1.2: a county-backbone submit takes a place of its city's quota; a full quota refuses; a cancel gives back. */
@IntegrationTest
class CityQuotaTests extends ApplicationTestSupport {

	/** 福州市卫生健康委员会, the city of the applicants' unit 连江县医院 (via 连江县). */
	static final String CITY = "350100";

	@Autowired
	ApplicantProfiles profiles;

	@Autowired
	UserDetailsService users;

	@Test
	void aSubmitTakesAPlaceOfItsCitysQuotaAndACancelGivesItBack() throws Exception {
		long batch = countyBatch("名额占用");
		long c01 = fixtures.countySpecialty("C01");
		fixtures.quota(batch, CITY, c01, 2);
		TestApplicants.Registered applicant = fixtures.completeApplicant("何名额", true);
		ApplicationView draft = fill(applicant, batch, c01);

		assertThat(applications.submit(applicant.id(), draft.id(), applicant.principal())).isTrue();
		assertThat(applications.submit(applicant.id(), draft.id(), applicant.principal())).as("a replay").isFalse();
		assertThat(fixtures.filled(batch, CITY, c01)).isEqualTo(1);
		assertThat(quotaCity(draft.id())).isEqualTo(fixtures.institution(CITY));
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, c01)).isEqualTo(1);
		// the province's quota page shows the same counter, and the quota cannot go below it
		assertThat(quotaRow(batch)).contains("福州市卫生健康委员会", ">2<", ">1<");
		String lowered = mvc.perform(post("/programs/batches/" + batch + "/quotas")
			.param("cityId", String.valueOf(fixtures.institution(CITY))).param("specialtyId", String.valueOf(c01))
			.param("places", "0").param("version", "0").with(user(users.loadUserByUsername("350000"))).with(csrf()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(lowered).contains("已有1人占用该名额");

		applications.cancel(applicant.id(), draft.id(), applicant.principal());
		assertThat(fixtures.filled(batch, CITY, c01)).isZero();
		assertThat(quotaCity(draft.id())).isNull();
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, c01)).isZero();
		assertThat(quotaRow(batch)).contains(">2<", ">0<");

		// starting again takes the place again
		ApplicationView again = applications.start(applicant.id(), new BatchId(batch), applicant.principal());
		assertThat(applications.submit(applicant.id(), again.id(), applicant.principal())).isTrue();
		assertThat(fixtures.filled(batch, CITY, c01)).isEqualTo(1);
	}

	@Test
	void aFullQuotaIsRefusedNextToTheChoicesAndNothingChanges() throws Exception {
		long batch = countyBatch("名额已满");
		long c01 = fixtures.countySpecialty("C01");
		long c02 = fixtures.countySpecialty("C02");
		fixtures.quota(batch, CITY, c01, 1);
		TestApplicants.Registered first = fixtures.completeApplicant("许先到", true);
		TestApplicants.Registered second = fixtures.completeApplicant("许后到", true);
		applications.submit(first.id(), fill(first, batch, c01).id(), first.principal());
		ApplicationView late = fill(second, batch, c01);

		assertThatThrownBy(() -> applications.submit(second.id(), late.id(), second.principal()))
			.isInstanceOf(InputRejected.class)
			.satisfies(e -> {
				InputRejected refused = (InputRejected) e;
				assertThat(refused.field()).isEqualTo("choices");
				assertThat(refused.messageKey()).isEqualTo("application.refused.quota-full");
			});
		assertThat(status(late.id())).isEqualTo("DRAFT");
		assertThat(quotaCity(late.id())).isNull();
		assertThat(fixtures.filled(batch, CITY, c01)).isEqualTo(1);
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, c01)).as("the plan count rolled back").isEqualTo(1);
		assertThat(profiles.view(second.id()).frozen()).isFalse();

		// through the page: the reason stands next to the choices on the review step
		WebSession session = new WebSession(mvc);
		session.perform(post("/apply/" + late.id() + "/submit").with(user(second.principal())).with(csrf()))
			.andExpect(redirectedUrl("/apply/" + late.id() + "/review"))
			.andExpect(flash().attribute("choicesError", "福州市卫生健康委员会该专业的名额（1个）已满，不能提交"));
		String review = session.perform(get("/apply/" + late.id() + "/review").with(user(second.principal())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(review).contains("id=\"choices-error\"", "名额（1个）已满", "修改志愿");

		// a specialty the province granted the city no places for
		applications.chooseSpecialty(second.id(), late.id(), c02);
		applications.chooseBases(second.id(), late.id(), List.of(fixtures.institution(ApplicationFixtures.BASE)), null);
		assertThatThrownBy(() -> applications.submit(second.id(), late.id(), second.principal()))
			.isInstanceOf(InputRejected.class)
			.satisfies(e -> assertThat(((InputRejected) e).messageKey()).isEqualTo("application.refused.quota-none"));
		assertThat(status(late.id())).isEqualTo("DRAFT");
	}

	@Test
	void twentyConcurrentSubmitsAgainstAQuotaOfFiveTakeExactlyFive() throws Exception {
		long batch = countyBatch("名额并发");
		long c01 = fixtures.countySpecialty("C01");
		fixtures.quota(batch, CITY, c01, 5);
		List<TestApplicants.Registered> applicants = new ArrayList<>();
		List<Long> drafts = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			TestApplicants.Registered applicant = fixtures.completeApplicant("卫" + i, true);
			applicants.add(applicant);
			drafts.add(fill(applicant, batch, c01).id());
		}
		List<Object> results = Concurrently.run(20, i -> {
			try {
				return applications.submit(applicants.get(i).id(), drafts.get(i), applicants.get(i).principal());
			}
			catch (InputRejected refused) {
				return refused.messageKey();
			}
		});
		assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(5);
		assertThat(results).filteredOn("application.refused.quota-full"::equals).hasSize(15);
		assertThat(fixtures.filled(batch, CITY, c01)).isEqualTo(5);
		assertThat(fixtures.applied(batch, ApplicationFixtures.BASE, c01)).isEqualTo(5);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE batch_id = :b AND status = 'SUBMITTED'")
			.param("b", batch).query(Integer.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE batch_id = :b AND quota_city_id = :c")
			.param("b", batch).param("c", fixtures.institution(CITY)).query(Integer.class).single()).isEqualTo(5);
	}

	// ------------------------------------------------------------------------------------------ helpers

	private long countyBatch(String name) {
		long batch = fixtures.countyBackboneBatch(name + System.nanoTime(), clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, fixtures.countySpecialty("C01"), 50);
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, fixtures.countySpecialty("C02"), 50);
		return batch;
	}

	private ApplicationView fill(TestApplicants.Registered applicant, long batch, long specialty) {
		ApplicationView draft = applications.start(applicant.id(), new BatchId(batch), applicant.principal());
		applications.choosePersonType(applicant.id(), draft.id(), PersonType.TECHNICAL_BACKBONE);
		applications.chooseSpecialty(applicant.id(), draft.id(), specialty);
		applications.chooseBases(applicant.id(), draft.id(), List.of(fixtures.institution(ApplicationFixtures.BASE)),
				null);
		return applications.find(applicant.id(), draft.id()).orElseThrow();
	}

	/** The row of the province's quota page for the batch's only quota. */
	private String quotaRow(long batch) throws Exception {
		String page = mvc.perform(get("/programs/batches/" + batch + "/quotas").with(user(users.loadUserByUsername("350000"))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		int row = page.indexOf("<tr id=\"quota-");
		assertThat(row).as("a quota row").isPositive();
		return page.substring(row, page.indexOf("</tr>", row));
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM application WHERE id = :id").param("id", id).query(String.class).single();
	}

	private Long quotaCity(long id) {
		return jdbc.sql("SELECT quota_city_id FROM application WHERE id = :id").param("id", id)
			.query((rs, n) -> rs.getObject(1, Long.class)).list().get(0);
	}
}

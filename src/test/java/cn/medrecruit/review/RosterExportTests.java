package cn.medrecruit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.reporting.TableExports;
import cn.medrecruit.reporting.XlsxSheet;
import cn.medrecruit.shared.Masking;

/** 花名册: the file of a reviewer's list holds the rows of the screen, all pages of them, within the list's scope. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterExportTests extends ReviewTestSupport {

	/** Name prefix of every applicant here: the keyword filter finds exactly these. */
	private static final String PREFIX = "花名册";

	/** More than one chunk of the export, so it pages through the list as the screen does. */
	private static final int EXTRA = RosterRows.CHUNK + 17;

	private long batch;
	private TestApplicants.Registered approvedOne;
	private TestApplicants.Registered anxiOne;
	private ReviewRequest waiting;

	@BeforeAll
	void requests() throws Exception {
		ReviewFixtures fixtures = new ReviewFixtures(jdbc, mvc, testApplicants, applications, users);
		batch = fixtures.countyChainBatch("花名册批次" + System.nanoTime(), clock.instant());
		CurrentUser county = fixtures.reviewer("350122");
		approvedOne = fixtures.applicant(PREFIX + "甲", ReviewFixtures.LIANJIANG_HOSPITAL);
		TestApplicants.Registered returnedOne = fixtures.applicant(PREFIX + "乙", ReviewFixtures.LIANJIANG_HOSPITAL);
		TestApplicants.Registered waitingOne = fixtures.applicant(PREFIX + "丙", ReviewFixtures.LIANJIANG_HOSPITAL);
		anxiOne = fixtures.applicant(PREFIX + "丁", "35052401");
		ReviewRequest approved = request(fixtures, approvedOne);
		ReviewRequest returned = request(fixtures, returnedOne);
		waiting = request(fixtures, waitingOne);
		request(fixtures, anxiOne);
		reviews.approve(county, approved.id(), approved.version(), "同意");
		reviews.returnForChanges(county, returned.id(), returned.version(), "证件照片不清");
		// copies of the waiting request, some sharing a submission time, so the list has more than one chunk
		for (int i = 0; i < EXTRA; i++) {
			jdbc.sql("""
					INSERT INTO review_request (kind, subject_id, applicant_account_id, applicant_name, id_tail,
					  reference_number, program_code, cohort_id, batch_id, unit_institution_id, unit_path,
					  first_choice_base_id, first_submitted_at, submitted_at, round_no, state, stage_index,
					  stage_level, holder_institution_id, updated_at, version)
					SELECT kind, :subject, applicant_account_id, :name, id_tail, :ref, program_code, cohort_id, batch_id,
					       unit_institution_id, unit_path, first_choice_base_id, :at, :at, round_no, state,
					       stage_index, stage_level, holder_institution_id, updated_at, version
					  FROM review_request WHERE id = :source""")
				.param("subject", -1_000_000L - i - waiting.id() * 10_000)
				.param("name", PREFIX + (i % 2 == 0 ? "副" : "附") + i)
				.param("ref", "HMC" + waiting.id() + "-" + i)
				.param("at", Timestamp.from(clock.instant().plusSeconds(60 + i / 3)))
				.param("source", waiting.id())
				.update();
		}
	}

	@AfterAll
	void removeCopies() {
		jdbc.sql("DELETE FROM review_request WHERE reference_number LIKE :ref")
			.param("ref", "HMC" + waiting.id() + "-%")
			.update();
	}

	@Test
	void theExportHoldsTheRowsOfTheInboxForEveryFilter() throws Exception {
		String today = LocalDate.now(clock).toString();
		List<Map<String, String>> filters = List.of(Map.of("batch", String.valueOf(batch)),
				Map.of("batch", String.valueOf(batch), "newestFirst", "true"),
				Map.of("batch", String.valueOf(batch), "q", PREFIX + "副"),
				Map.of("batch", String.valueOf(batch), "q", PREFIX + "丙"),
				Map.of("batch", String.valueOf(batch), "stage", "COUNTY", "from", today),
				Map.of("batch", String.valueOf(batch), "stage", "CITY"),
				Map.of("batch", String.valueOf(batch), "to", LocalDate.now(clock).minusDays(1).toString()));
		CurrentUser county = reviewer("350122");
		for (Map<String, String> filter : filters) {
			List<String> screen = screen(county, query(filter));
			XlsxSheet sheet = export("/review/export", filter, "350122");
			assertThat(sheet.column("报名号")).as("filter %s", filter).containsExactlyElementsOf(screen);
		}
		// the counts themselves, so that the comparisons above are not between empty lists
		assertThat(screen(county, query(Map.of("batch", String.valueOf(batch))))).hasSize(EXTRA + 1);
		assertThat(screen(county, query(Map.of("batch", String.valueOf(batch), "q", PREFIX + "副"))))
			.hasSize((EXTRA + 1) / 2);
		assertThat(screen(reviewer("350100"), query(Map.of("batch", String.valueOf(batch))))).hasSize(1);
	}

	@Test
	void theCursorOfThePageDoesNotCutTheExport() throws Exception {
		InboxPage first = reviews.inbox(reviewer("350122"), query(Map.of("batch", String.valueOf(batch))));
		assertThat(first.next()).isNotNull();
		Map<String, String> second = new LinkedHashMap<>();
		second.put("batch", String.valueOf(batch));
		second.put("afterAt", String.valueOf(first.next().afterAt().toEpochMilli()));
		second.put("afterId", String.valueOf(first.next().afterId()));
		assertThat(export("/review/export", second, "350122").rows()).hasSize(EXTRA + 1);
	}

	@Test
	void theColumnsTellWhereEachItemStands() throws Exception {
		XlsxSheet sheet = export("/review/area/export", Map.of("q", PREFIX + "甲"), "350122");
		assertThat(sheet.rows()).hasSize(1);
		Map<String, String> row = row(sheet, 0);
		assertThat(row.get("姓名")).isEqualTo(PREFIX + "甲");
		assertThat(row.get("项目")).isNotBlank();
		assertThat(row.get("批次")).contains("花名册批次");
		assertThat(row.get("所在单位")).isEqualTo("连江县医院");
		assertThat(row.get("环节")).isEqualTo("地市卫生健康部门");
		assertThat(row.get("状态")).isEqualTo("待审核");
		assertThat(row.get("最近审核结论")).isEqualTo("审核通过");
		assertThat(row.get("意见")).isEqualTo("同意");
		assertThat(row.get("审核时间")).isNotBlank();

		Map<String, String> returned = row(export("/review/area/export", Map.of("q", PREFIX + "乙", "state", "RETURNED"),
				"350122"), 0);
		assertThat(returned.get("状态")).isEqualTo("已退回修改");
		assertThat(returned.get("意见")).isEqualTo("证件照片不清");
	}

	@Test
	void personalNumbersAreMaskedUnlessTheRoleMaySeeThem() throws Exception {
		// the county has no grant to see personal data in full
		Map<String, String> masked = row(export("/review/area/export", Map.of("q", PREFIX + "甲"), "350122"), 0);
		assertThat(masked.get("证件号码")).isEqualTo(Masking.maskIdNumber(approvedOne.idNumber()))
			.doesNotContain(approvedOne.idNumber().substring(6, 14));
		assertThat(masked.get("手机号")).isEqualTo(Masking.maskPhone(approvedOne.phone()));
		// the city is granted it
		Map<String, String> full = row(export("/review/area/export", Map.of("q", PREFIX + "甲"), "350100"), 0);
		assertThat(full.get("证件号码")).isEqualTo(approvedOne.idNumber());
		assertThat(full.get("手机号")).isEqualTo(approvedOne.phone());
	}

	@Test
	void aCountyCannotExportAnotherCountysItems() throws Exception {
		assertThat(export("/review/area/export", Map.of("q", PREFIX + "丁"), "350122").rows()).isEmpty();
		assertThat(export("/review/export", Map.of("batch", String.valueOf(batch), "q", PREFIX + "丁"), "350122")
			.rows()).isEmpty();
		assertThat(export("/review/area/export", Map.of("q", PREFIX + "丁"), "350000").column("所在单位"))
			.containsExactly("安溪县医院");
		// the area search without a keyword: the county's own subtree only, as on screen
		XlsxSheet county = export("/review/area/export", Map.of("q", PREFIX), "350122");
		assertThat(county.rows()).hasSize(EXTRA + 3);
		assertThat(county.column("所在单位")).containsOnly("连江县医院");
		assertThat(export("/review/area/export", Map.of("q", PREFIX), "350000").rows()).hasSize(EXTRA + 4);
	}

	@Test
	void theDecidedListExportsItsDecisions() throws Exception {
		CurrentUser county = reviewer("350122");
		List<String> screen = new ArrayList<>();
		Long before = null;
		while (true) {
			List<Reviews.DecidedRow> page = reviews.decided(county, before);
			page.forEach(row -> screen.add(row.referenceNumber()));
			if (page.size() < InboxQuery.PAGE_SIZE) {
				break;
			}
			before = page.get(page.size() - 1).decision().id();
		}
		XlsxSheet sheet = export("/review/decided/export", Map.of(), "350122");
		assertThat(sheet.column("报名号")).containsExactlyElementsOf(screen);
		assertThat(sheet.column("姓名")).contains(PREFIX + "甲", PREFIX + "乙");
	}

	@Test
	void eachExportIsAudited() throws Exception {
		long mark = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").query(Long.class).single();
		export("/review/export", Map.of("batch", String.valueOf(batch), "stage", "COUNTY"), "350122");
		assertThat(jdbc.sql("""
				SELECT actor || ' ' || action || ' ' || outcome || ' ' || detail FROM audit_entry
				 WHERE id > :mark AND target = 'list:review-roster'""")
			.param("mark", mark)
			.query(String.class)
			.list()).containsExactly("350122 " + TableExports.AUDIT_ACTION + " SUCCESS rows=" + (EXTRA + 1)
					+ "; disclosure=MASKED; filters=/review?batch=" + batch + "&stage=COUNTY");
	}

	@Test
	void theListsOfferTheExportAndOutsidersAreRefused() throws Exception {
		mvc.perform(get("/review").param("batch", String.valueOf(batch)).with(user(reviewer("350122"))))
			.andExpect(content().string(containsString("href=\"/review/export?batch=" + batch + "\"")));
		mvc.perform(get("/review/area").param("state", "PENDING").with(user(reviewer("350122"))))
			.andExpect(content().string(containsString("href=\"/review/area/export?newestFirst=true&amp;state=PENDING\"")));
		mvc.perform(get("/review/decided").with(user(reviewer("350122"))))
			.andExpect(content().string(containsString("href=\"/review/decided/export\"")));
		for (String path : List.of("/review/export", "/review/area/export", "/review/decided/export")) {
			mvc.perform(get(path).with(user(reviewer("zhangsan")))).andExpect(status().isForbidden());
			mvc.perform(get(path).with(user(reviewer("auditor")))).andExpect(status().isForbidden());
		}
	}

	// ------------------------------------------------------------------------------------------ helpers

	private ReviewRequest request(ReviewFixtures fixtures, TestApplicants.Registered applicant) {
		long application = fixtures.submitted(applicant, batch).id();
		return reviews.find(RequestKind.APPLICATION, application).orElseThrow();
	}

	private static InboxQuery query(Map<String, String> filter) {
		return new InboxQuery(null, null, Long.valueOf(filter.get("batch")),
				filter.containsKey("stage") ? StageLevel.valueOf(filter.get("stage")) : null, filter.get("q"),
				filter.containsKey("from") ? LocalDate.parse(filter.get("from")) : null,
				filter.containsKey("to") ? LocalDate.parse(filter.get("to")) : null,
				Boolean.parseBoolean(filter.get("newestFirst")), null, null);
	}

	/** The application numbers of every page of the 待审 list, as a reviewer clicking 下一页 sees them. */
	private List<String> screen(CurrentUser reviewer, InboxQuery query) {
		List<String> numbers = new ArrayList<>();
		InboxQuery page = query;
		while (page != null) {
			InboxPage result = reviews.inbox(reviewer, page);
			result.rows().forEach(row -> numbers.add(row.referenceNumber()));
			page = result.next();
		}
		return numbers;
	}

	private XlsxSheet export(String path, Map<String, String> filter, String login) throws Exception {
		MockHttpServletRequestBuilder request = get(path).with(user(reviewer(login)));
		filter.forEach(request::param);
		byte[] xlsx = mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", TableExports.CONTENT_TYPE))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		XlsxSheet sheet = XlsxSheet.read(xlsx);
		assertThat(sheet.header()).containsExactly("报名号", "姓名", "证件号码", "手机号", "项目", "批次", "所在单位", "环节",
				"状态", "提交时间", "最近审核结论", "意见", "审核时间");
		return sheet;
	}

	private static Map<String, String> row(XlsxSheet sheet, int index) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (int c = 0; c < sheet.header().size(); c++) {
			List<String> row = sheet.rows().get(index);
			cells.put(sheet.header().get(c), c < row.size() ? row.get(c) : "");
		}
		return cells;
	}

	private CurrentUser reviewer(String login) {
		return (CurrentUser) users.loadUserByUsername(login);
	}
}

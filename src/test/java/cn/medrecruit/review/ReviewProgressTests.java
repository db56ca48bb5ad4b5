package cn.medrecruit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.PermissionMatrix;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.reporting.ChartData;

/**
 * 进度跟踪 over one batch with items in every state across two counties of two cities and a city hospital: the
 * figures are the counts of the fixture, per region of each viewer's own subtree.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewProgressTests extends ReviewTestSupport {

	@Autowired
	ReviewProgress progress;

	@Autowired
	ApplicationEventPublisher events;

	private long batch;

	/**
	 * 连江县医院: pending at the county, pending at the city, returned by the county, rejected by the province,
	 * approved by the province; 安溪县医院: two pending at their county; 福州市第一医院: pending at the city (no county).
	 */
	@BeforeAll
	void requests() throws Exception {
		ReviewFixtures fixtures = new ReviewFixtures(jdbc, mvc, testApplicants, applications, users);
		batch = fixtures.countyChainBatch("进度批次" + System.nanoTime(), clock.instant());
		CurrentUser county = fixtures.reviewer("350122");
		CurrentUser city = fixtures.reviewer("350100");
		CurrentUser province = fixtures.reviewer("350000");
		submit(fixtures, "进度甲", ReviewFixtures.LIANJIANG_HOSPITAL);
		ReviewRequest atCity = submit(fixtures, "进度乙", ReviewFixtures.LIANJIANG_HOSPITAL);
		ReviewRequest returned = submit(fixtures, "进度丙", ReviewFixtures.LIANJIANG_HOSPITAL);
		ReviewRequest rejected = submit(fixtures, "进度丁", ReviewFixtures.LIANJIANG_HOSPITAL);
		ReviewRequest approved = submit(fixtures, "进度戊", ReviewFixtures.LIANJIANG_HOSPITAL);
		submit(fixtures, "进度己", "35052401");
		submit(fixtures, "进度庚", "35052401");
		submit(fixtures, "进度辛", "35010001");

		approve(county, atCity);
		reviews.returnForChanges(county, returned.id(), returned.version(), "请补充材料");
		for (ReviewRequest request : List.of(rejected, approved)) {
			approve(county, request);
			approve(city, request);
		}
		ReviewRequest toReject = reload(rejected);
		reviews.reject(province, toReject.id(), toReject.version(), "不符合报考条件");
		for (ReviewSubject.Evidence evidence : reviews.detail(province, approved.id()).orElseThrow().subject()
			.evidence()) {
			reviews.checkImage(province, approved.id(), evidence.fileId(), true, null);
		}
		approve(province, approved);
		assertThat(reload(approved).state()).isEqualTo(ReviewState.APPROVED);
		assertThat(reload(rejected).state()).isEqualTo(ReviewState.REJECTED);
	}

	@Test
	void theProvinceSeesItsCitiesWithEveryStateAndStage() {
		ReviewProgress.Dashboard d = progress.dashboard(reviewer("350000"), batch).orElseThrow();
		Map<String, ReviewProgress.Figures> regions = totals(d);
		assertThat(regions.get("福州市卫生健康委员会")).isEqualTo(new ReviewProgress.Figures(6, 3, 1, 1, 1));
		assertThat(regions.get("泉州市卫生健康委员会")).isEqualTo(new ReviewProgress.Figures(2, 2, 0, 0, 0));
		assertThat(regions.get("福建省立医院")).isEqualTo(new ReviewProgress.Figures(0, 0, 0, 0, 0));
		assertThat(d.all().totals()).isEqualTo(new ReviewProgress.Figures(8, 5, 1, 1, 1));

		assertThat(d.all().stages()).containsExactly(
				new ReviewProgress.StageFigures(0, StageLevel.COUNTY, 8, 3, 4, 0, 1),
				new ReviewProgress.StageFigures(1, StageLevel.CITY, 4, 2, 2, 0, 0),
				new ReviewProgress.StageFigures(2, StageLevel.PROVINCE, 2, 0, 1, 1, 0));
		assertThat(List.<Number>copyOf(d.funnel().series().get(0).values())).containsExactly(8L, 4L, 2L, 1L);
		assertThat(d.funnel().labels()).containsExactly("已提交", "区县卫生健康部门通过", "地市卫生健康部门通过", "最终通过");
		assertThat(d.bars().labels()).containsExactlyElementsOf(d.regions().stream().map(ReviewProgress.Region::name)
			.toList());
		assertThat(d.bars().series()).extracting(ChartData.Series::name).containsExactly("待审核", "最终通过", "审核不通过", "退回修改");
	}

	@Test
	void aCitySeesItsCountiesAndItsOwnHospitals() {
		ReviewProgress.Dashboard d = progress.dashboard(reviewer("350100"), batch).orElseThrow();
		Map<String, ReviewProgress.Figures> regions = totals(d);
		assertThat(regions.get("连江县卫生健康局")).isEqualTo(new ReviewProgress.Figures(5, 2, 1, 1, 1));
		assertThat(regions.get("福州市第一医院")).isEqualTo(new ReviewProgress.Figures(1, 1, 0, 0, 0));
		assertThat(regions.get("鼓楼区卫生健康局")).isEqualTo(new ReviewProgress.Figures(0, 0, 0, 0, 0));
		assertThat(regions).doesNotContainKey("安溪县卫生健康局");
		assertThat(d.all().totals().submitted()).isEqualTo(6);
	}

	@Test
	void aCountySeesOnlyItsOwnUnits() {
		ReviewProgress.Dashboard d = progress.dashboard(reviewer("350122"), batch).orElseThrow();
		Map<String, ReviewProgress.Figures> regions = totals(d);
		assertThat(regions.get("连江县医院")).isEqualTo(new ReviewProgress.Figures(5, 2, 1, 1, 1));
		// other counties' and the city's own hospitals are not the county's regions
		assertThat(regions).doesNotContainKeys("安溪县医院", "福州市第一医院", "鼓楼区洪山社区卫生服务中心");
		assertThat(regions.values().stream().mapToLong(ReviewProgress.Figures::submitted).sum()).isEqualTo(5);
		assertThat(d.all().totals()).isEqualTo(new ReviewProgress.Figures(5, 2, 1, 1, 1));
		assertThat(d.all().stages().get(0)).isEqualTo(new ReviewProgress.StageFigures(0, StageLevel.COUNTY, 5, 1, 3,
				0, 1));
	}

	@Test
	void thePageShowsTheChartsAndTheTable() throws Exception {
		mvc.perform(get("/review/progress").param("batch", String.valueOf(batch)).with(user(reviewer("350100"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-chart=")))
			.andExpect(content().string(containsString("id=\"progress-regions\"")))
			.andExpect(content().string(containsString("连江县卫生健康局")))
			.andExpect(content().string(containsString("/js/charts.js")));
	}

	@Test
	void onlyStaffWithTheGrantMayTrackProgress() throws Exception {
		mvc.perform(get("/review/progress").with(user(reviewer("zhangsan")))).andExpect(status().isForbidden());
		mvc.perform(get("/review/progress").with(user(reviewer("auditor")))).andExpect(status().isForbidden());
		mvc.perform(get("/review/progress").with(user(reviewer("350122")))).andExpect(status().isOk());
		jdbc.sql("DELETE FROM role_permission WHERE role = 'COUNTY' AND permission = 'PROGRESS_TRACK'").update();
		events.publishEvent(new PermissionMatrix.Changed());
		try {
			mvc.perform(get("/review/progress").with(user(reviewer("350122")))).andExpect(status().isForbidden());
		}
		finally {
			jdbc.sql("INSERT INTO role_permission (role, permission) VALUES ('COUNTY', 'PROGRESS_TRACK')").update();
			events.publishEvent(new PermissionMatrix.Changed());
		}
	}

	// ------------------------------------------------------------------------------------------ helpers

	private static Map<String, ReviewProgress.Figures> totals(ReviewProgress.Dashboard d) {
		return d.regions().stream().collect(Collectors.toMap(ReviewProgress.Region::name, ReviewProgress.Region::totals));
	}

	private ReviewRequest submit(ReviewFixtures fixtures, String name, String unit) throws Exception {
		TestApplicants.Registered applicant = fixtures.applicant(name, unit);
		long application = fixtures.submitted(applicant, batch).id();
		return reviews.find(RequestKind.APPLICATION, application).orElseThrow();
	}

	private void approve(CurrentUser reviewer, ReviewRequest request) {
		ReviewRequest now = reload(request);
		reviews.approve(reviewer, now.id(), now.version(), null);
	}

	private CurrentUser reviewer(String login) {
		return (CurrentUser) users.loadUserByUsername(login);
	}
}

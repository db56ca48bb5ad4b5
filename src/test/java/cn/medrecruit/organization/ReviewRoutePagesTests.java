package cn.medrecruit.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import cn.medrecruit.IntegrationTest;

/**
 * The province's 审核路由 page: who may open it, what it lists, and setting and clearing a unit's route. The tests
 * route only units they create, so the demo province's routes stay as the rule makes them.
 */
@IntegrationTest
class ReviewRoutePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	InstitutionRegistry registry;

	@Autowired
	RegionCatalogue regions;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "admin", "auditor", "350100", "350122", "35012205", "35000101", "zhangsan" })
	void onlyTheProvinceOpensOrChangesTheRoutes(String login) throws Exception {
		long unit = addUnit("鼓楼区测试诊所" + suffix(), "350102", "鼓楼区卫生健康局");

		mvc.perform(as(login, get("/org/review-routes"))).andExpect(status().isForbidden());
		mvc.perform(as(login, get("/org/review-routes/units/" + unit))).andExpect(status().isForbidden());
		mvc.perform(as(login, post("/org/review-routes/units/" + unit).param("registrationPoint", idOf("鼓楼区卫生健康局"))
			.param("version", "0"))).andExpect(status().isForbidden());
		assertThat(routeRows(unit)).isZero();
	}

	@Test
	void theProvinceSetsAUnitsRegistrationPointThenClearsIt() throws Exception {
		String name = "鼓楼区测试卫生所" + suffix();
		long unit = addUnit(name, "350102", "鼓楼区卫生健康局");
		String list = UriComponentsBuilder.fromPath("/org/review-routes").queryParam("q", name).build().encode()
			.toUriString();

		String before = rowOf(page(as("350000", get("/org/review-routes").param("q", name))), unit);
		assertThat(cell(before, RouteLevel.UNIT_REVIEW)).contains("鼓楼区卫生健康局", "系统规则");
		assertThat(cell(before, RouteLevel.REGISTRATION_POINT)).contains("鼓楼区报名点", "系统规则");
		assertThat(cell(before, RouteLevel.EXAM_SITE)).contains("福州考点", "系统规则");
		assertThat(cell(before, RouteLevel.EXAM_AREA)).contains("福建考区", "系统规则");

		mvc.perform(as("350000", post("/org/review-routes/units/" + unit)
			.param("registrationPoint", idOf("鼓楼区卫生健康局"))
			.param("unitReview", "")
			.param("version", "0"))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(list));

		String after = rowOf(page(as("350000", get("/org/review-routes").param("q", name))), unit);
		assertThat(cell(after, RouteLevel.REGISTRATION_POINT)).contains("鼓楼区卫生健康局", "单位设置")
			.doesNotContain("鼓楼区报名点");
		assertThat(cell(after, RouteLevel.EXAM_SITE)).contains("福州考点", "系统规则");
		assertThat(audits("REVIEW_ROUTE_SET", unit)).isEqualTo(1);
		assertThat(page(as("350000", get("/org/review-routes/units/" + unit)))).contains("id=\"resolved-route\"")
			.containsPattern("<option value=\"" + idOf("鼓楼区卫生健康局") + "\"\\s+selected");

		// a second person who saw the route before the change is told, and changes nothing
		assertThat(page(as("350000", post("/org/review-routes/units/" + unit)
			.param("registrationPoint", idOf("鼓楼区报名点"))
			.param("version", "0")))).contains("该记录已被他人修改");
		assertThat(cell(rowOf(page(as("350000", get("/org/review-routes").param("q", name))), unit), RouteLevel.REGISTRATION_POINT))
			.contains("鼓楼区卫生健康局");

		mvc.perform(as("350000", post("/org/review-routes/units/" + unit).param("clear", "true").param("version", "1")))
			.andExpect(status().is3xxRedirection());
		assertThat(cell(rowOf(page(as("350000", get("/org/review-routes").param("q", name))), unit), RouteLevel.REGISTRATION_POINT))
			.contains("鼓楼区报名点", "系统规则");
		assertThat(routeRows(unit)).isZero();
		assertThat(audits("REVIEW_ROUTE_CLEARED", unit)).isEqualTo(1);
	}

	@Test
	void aHolderOfTheWrongKindOrOutsideTheProvinceIsRefusedNextToItsField() throws Exception {
		long unit = addUnit("安溪县测试卫生院" + suffix(), "350524", "安溪县卫生健康局");
		Elsewhere elsewhere = elsewhere();

		for (String holder : new String[] { idOf("连江县医院"), idOf("鼓楼区报名点"), String.valueOf(elsewhere.commission()),
				"abc" }) {
			String page = page(as("350000", post("/org/review-routes/units/" + unit).param("examArea", holder)
				.param("version", "0")));
			assertThat(page).as(holder).contains("请选择本级可用的审核机构");
			assertThat(page.substring(page.indexOf("id=\"examArea\"") - 200, page.indexOf("id=\"examArea\"")))
				.contains("is-invalid");
		}
		assertThat(routeRows(unit)).isZero();
		assertThat(page(as("350000", get("/org/review-routes/units/" + unit))))
			.doesNotContain("<option value=\"" + elsewhere.commission() + "\"");
	}

	@Test
	void unitsAndRegionsOutsideTheProvinceOrNotUnitsAreRefused() throws Exception {
		Elsewhere elsewhere = elsewhere();

		mvc.perform(as("350000", get("/org/review-routes/units/" + elsewhere.unit()))).andExpect(status().isForbidden());
		mvc.perform(as("350000", post("/org/review-routes/units/" + elsewhere.unit())
			.param("examArea", idOf("福建考区"))
			.param("version", "0"))).andExpect(status().isForbidden());
		mvc.perform(as("350000", get("/org/review-routes/regions/" + elsewhere.region())))
			.andExpect(status().isForbidden());
		mvc.perform(as("350000", post("/org/review-routes/regions/" + elsewhere.region())
			.param("examArea", idOf("福建考区"))
			.param("version", "0"))).andExpect(status().isForbidden());
		mvc.perform(as("350000", get("/org/review-routes/units/" + idOf("鼓楼区报名点")))).andExpect(status().isForbidden());
		assertThat(routeRows(elsewhere.unit())).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM review_route WHERE region_code = :code")
			.param("code", elsewhere.region())
			.query(Integer.class)
			.single()).isZero();
		assertThat(page(as("350000", get("/org/review-routes").param("q", elsewhere.unitName()))))
			.doesNotContain("id=\"route-" + elsewhere.unit() + "\"");
	}

	@Test
	void theListFiltersByRegionAndNameAndPagesByKeyset() throws Exception {
		String suffix = suffix();
		long first = addUnit("连江县测试站甲" + suffix, "350122", "连江县卫生健康局");
		long second = addUnit("连江县测试站乙" + suffix, "350122", "连江县卫生健康局");

		String both = page(as("350000", get("/org/review-routes").param("region", "350100").param("q", suffix)));
		assertThat(both).contains("id=\"route-" + first + "\"", "id=\"route-" + second + "\"");
		assertThat(page(as("350000", get("/org/review-routes").param("region", "350500").param("q", suffix))))
			.doesNotContain("id=\"route-" + first + "\"").doesNotContain("id=\"route-" + second + "\"");
		assertThat(page(as("350000", get("/org/review-routes").param("q", suffix).param("after", String.valueOf(first)))))
			.doesNotContain("id=\"route-" + first + "\"").contains("id=\"route-" + second + "\"");
		assertThat(page(as("350000", get("/org/review-routes/regions/350122")))).contains("连江县");
	}

	private record Elsewhere(String region, long commission, long unit, String unitName) {
	}

	/** A second province, outside the demo province's subtree. */
	private Elsewhere elsewhere() {
		String region;
		do {
			region = "9" + String.format("%05d", (System.nanoTime() / 1000) % 100_000);
		}
		while (regions.exists(region));
		regions.add(new RegionCatalogue.Region(region, "测试省" + region, RegionLevel.PROVINCE, null));
		long commission = registry.addTrusted(new NewInstitution("W" + region, "测试省卫生健康委员会" + region,
				InstitutionKind.HEALTH_COMMISSION, null, region, 0, true, null, null)).institution().value();
		String unitName = "测试省医院" + region;
		long unit = registry.addTrusted(new NewInstitution("WU" + region, unitName, InstitutionKind.UNIT, null, region,
				commission, true, null, null)).institution().value();
		return new Elsewhere(region, commission, unit, unitName);
	}

	private long addUnit(String name, String region, String parentName) {
		return registry.addTrusted(new NewInstitution("R" + suffix(), name, InstitutionKind.UNIT, null, region,
				Long.parseLong(idOf(parentName)), false, null, null)).institution().value();
	}

	private MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
		return request.with(user(users.loadUserByUsername(login))).with(csrf());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String idOf(String name) {
		return String.valueOf(jdbc.sql("SELECT id FROM institution WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.single());
	}

	private int routeRows(long unit) {
		return jdbc.sql("SELECT COUNT(*) FROM review_route WHERE unit_id = :unit")
			.param("unit", unit)
			.query(Integer.class)
			.single();
	}

	private int audits(String action, long unit) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :action AND target = :target")
			.param("action", action)
			.param("target", "review-route:unit:" + unit)
			.query(Integer.class)
			.single();
	}

	private static String rowOf(String page, long unit) {
		int start = page.indexOf("<tr id=\"route-" + unit + "\"");
		assertThat(start).as("row of unit " + unit).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static String cell(String row, RouteLevel level) {
		int start = row.indexOf("data-level=\"" + level.name() + "\"");
		assertThat(start).as("cell " + level).isNotNegative();
		return row.substring(start, row.indexOf("</td>", start));
	}

	private static String suffix() {
		return String.valueOf(System.nanoTime());
	}
}

package cn.medrecruit.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.identity.CurrentUser;

@IntegrationTest
class InstitutionPagesTests {

	private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("id=\"issued-one-time-password\">([^<]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	// ---------------------------------------------------------------- add, list, dictionary, disable, enable

	@Test
	void countyAddsAUnitThatShowsInItsListAndInTheDictionaryUntilDisabled() throws Exception {
		String suffix = suffix();
		String name = "连江县测试医院" + suffix;
		String code = "T" + suffix;

		String issued = page(as("350122", post("/org/institutions/new")
			.params(form(Map.of("code", code, "name", name, "kind", "UNIT", "regionCode", "350122", "parentId",
					String.valueOf(institutionOf("350122")), "contactName", "林晓", "contactPhone", "0591-26221234")))));
		assertThat(issued).contains("class=\"one-time-secret\"", code, "首次登录时必须修改");
		long id = idOf(code);

		assertThat(page(as("350122", get("/org/institutions").param("q", name)))).contains(name, code);
		assertThat(rowOf(page(as("350122", get("/org/institutions").param("q", name))), id))
			.contains("连江县卫生健康局", "连江县", "用人单位", "启用").doesNotContain("禁用");
		assertThat(page(as("350122", get("/units/search").param("q", "测试医院" + suffix)))).contains(name, "连江县");

		mvc.perform(as("350122", post("/org/institutions/disable").param("ids", String.valueOf(id))))
			.andExpect(status().is3xxRedirection());
		assertThat(page(as("350122", get("/units/search").param("q", "测试医院" + suffix)))).doesNotContain(name)
			.contains("如果没有找到您的单位，请联系所在地卫生健康行政部门添加");
		assertThat(rowOf(page(as("350122", get("/org/institutions").param("q", name))), id)).contains("禁用")
			.doesNotContain("启用");
		assertThat(page(as("350122", get("/org/institutions").param("enabled", "false").param("q", suffix))))
			.contains(name);
		assertThat(page(as("350122", get("/org/institutions").param("enabled", "true").param("q", suffix))))
			.doesNotContain(name);

		mvc.perform(as("350122", post("/org/institutions/enable").param("ids", String.valueOf(id))))
			.andExpect(status().is3xxRedirection());
		assertThat(rowOf(page(as("350122", get("/org/institutions").param("q", name))), id)).contains("启用")
			.doesNotContain("禁用");
		assertThat(page(as("350122", get("/units/search").param("q", "测试医院" + suffix)))).contains(name);
	}

	@Test
	void theListShowsTheOwnInstitutionAndItsAdministrator() throws Exception {
		String list = page(as("350122", get("/org/institutions")));
		long own = institutionOf("350122");
		assertThat(rowOf(list, own)).contains("连江县卫生健康局", "350122", "本机构").doesNotContain("name=\"ids\"");
		assertThat(rowOf(list, institutionOf("35012205"))).contains("连江县医院", "35012205", "name=\"ids\"",
				"重置管理员密码", "编辑");
	}

	@Test
	void aCountyCannotAddATrainingBaseNorGrantReviewRights() throws Exception {
		long before = institutionCount();
		String parent = String.valueOf(institutionOf("350122"));

		String base = page(as("350122", post("/org/institutions/new").params(form(Map.of("code", "B" + suffix(),
				"name", "连江县培训基地" + suffix(), "kind", "TRAINING_BASE", "baseCategory", "GENERAL", "regionCode",
				"350122", "parentId", parent)))));
		assertThat(base).contains("您只能新增用人单位", "is-invalid");

		String review = page(as("350122", post("/org/institutions/new").params(form(Map.of("code", "R" + suffix(),
				"name", "连江县审核单位" + suffix(), "kind", "UNIT", "reviewRights", "true", "regionCode", "350122",
				"parentId", parent)))));
		assertThat(review).contains("您新增的单位无审核权限", "is-invalid");

		assertThat(institutionCount()).isEqualTo(before);
	}

	@Test
	void theProvinceAddsATrainingBaseWithReviewRights() throws Exception {
		String code = "B" + suffix();
		String form = page(as("350000", get("/org/institutions/new")));
		assertThat(form).contains("培训基地", "具有审核权限");
		String issued = page(as("350000", post("/org/institutions/new").params(form(Map.of("code", code, "name",
				"福建省测试培训基地" + suffix(), "kind", "TRAINING_BASE", "baseCategory", "TEACHING", "reviewRights",
				"true", "regionCode", "350100", "parentId", String.valueOf(institutionOf("350000")))))));
		assertThat(issued).contains("one-time-secret");
		assertThat(jdbc.sql("SELECT kind || ' ' || base_category || ' ' || review_rights FROM institution WHERE code = :code")
			.param("code", code).query(String.class).single()).isEqualToIgnoringCase("TRAINING_BASE TEACHING true");
	}

	@Test
	void aCountyOffersOnlyItsOwnRegionAndEmployerUnits() throws Exception {
		String form = page(as("350122", get("/org/institutions/new")));
		assertThat(form).contains("value=\"350122\"", "用人单位", "此处新增的单位无审核权限")
			.doesNotContain("value=\"350524\"", "value=\"350100\"", "value=\"TRAINING_BASE\"", "具有审核权限");
		assertThat(page(as("350122", post("/org/institutions/new").params(form(Map.of("code", "Q" + suffix(), "name",
				"安溪县测试医院" + suffix(), "kind", "UNIT", "regionCode", "350524", "parentId",
				String.valueOf(institutionOf("350122")))))))).contains("请从列表中选择所在地区");
		assertThat(page(as("350122", post("/org/institutions/new").params(form(Map.of("code", "Q" + suffix(), "name",
				"安溪县测试医院" + suffix(), "kind", "UNIT", "regionCode", "350122", "parentId",
				String.valueOf(institutionOf("350524")))))))).contains("请从列表中选择上级机构");
	}

	@Test
	void theRegionLiesWithinTheParentsRegion() throws Exception {
		long before = institutionCount();
		assertThat(page(as("350100", post("/org/institutions/new").params(form(Map.of("code", "G" + suffix(), "name",
				"鼓楼区测试门诊部" + suffix(), "kind", "UNIT", "regionCode", "350102", "parentId",
				String.valueOf(institutionOf("350122")))))))).contains("所在地区须在上级机构的辖区内");
		assertThat(institutionCount()).isEqualTo(before);
		assertThat(page(as("350100", post("/org/institutions/new").params(form(Map.of("code", "G" + suffix(), "name",
				"鼓楼区测试门诊部" + suffix(), "kind", "UNIT", "regionCode", "350102", "parentId",
				String.valueOf(institutionOf("350102")))))))).contains("one-time-secret");
	}

	// ---------------------------------------------------------------- data scope

	@Test
	void anInstitutionOutsideTheSubtreeCannotBeReadOrChanged() throws Exception {
		for (String code : new String[] { "350524", "35052401" }) {
			long id = institutionOf(code);
			String before = state(id);
			String passwordBefore = users.loadUserByUsername(code).getPassword();

			mvc.perform(as("350122", get("/org/institutions/" + id + "/edit"))).andExpect(status().isForbidden());
			mvc.perform(as("350122", post("/org/institutions/" + id + "/edit").param("name", "被改名的机构")
				.param("version", "0"))).andExpect(status().isForbidden());
			mvc.perform(as("350122", post("/org/institutions/disable").param("ids", String.valueOf(id))))
				.andExpect(status().isForbidden());
			mvc.perform(as("350122", post("/org/institutions/" + id + "/reset-password")))
				.andExpect(status().isForbidden());

			assertThat(state(id)).isEqualTo(before);
			assertThat(users.loadUserByUsername(code).getPassword()).isEqualTo(passwordBefore);
		}
	}

	@Test
	void aBatchWithOneInstitutionOutsideTheSubtreeChangesNothing() throws Exception {
		long inside = institutionOf("35012202");
		long outside = institutionOf("35052401");
		String before = state(inside);
		mvc.perform(as("350122", post("/org/institutions/disable").param("ids", String.valueOf(inside),
				String.valueOf(outside)))).andExpect(status().isForbidden());
		assertThat(state(inside)).isEqualTo(before);
	}

	@Test
	void aForbiddenAnswerRendersTheErrorPageWithoutInternals() throws Exception {
		String page = mvc.perform(as("350122", get("/error")).accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/org/institutions/" + institutionOf("350524") + "/edit")
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION,
					new org.springframework.security.access.AccessDeniedException("institution outside the data scope")))
			.andExpect(status().isForbidden())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("无权访问", "id=\"error-page\"").doesNotContain("Exception", "outside the data scope",
				"at cn.medrecruit");
	}

	@Test
	void theCitySeesLianjiangButNotQuanzhou() throws Exception {
		String all = page(as("350100", get("/org/institutions")));
		assertThat(all).contains("连江县医院", "连江县卫生健康局", "鼓楼区洪山社区卫生服务中心")
			.doesNotContain("安溪县医院", "泉州市第一医院", "泉州市卫生健康委员会");
		assertThat(page(as("350100", get("/org/institutions").param("q", "连江县")))).contains("连江县中医院");
		assertThat(page(as("350100", get("/org/institutions").param("q", "安溪")))).doesNotContain("安溪县医院")
			.contains("没有符合条件的机构");
		assertThat(page(as("350100", get("/org/institutions").param("q", "35052401")))).doesNotContain("安溪县医院");
		mvc.perform(as("350100", get("/org/institutions/" + institutionOf("35052401") + "/edit")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theKindFilterAndTheCursorPage() throws Exception {
		String units = page(as("350000", get("/org/institutions").param("kind", "TRAINING_BASE")));
		assertThat(units).contains("福建医科大学附属第一医院", "泉州市第一医院").doesNotContain("连江县医院");
		// keyset: after the id of 连江县医院 only later rows follow
		long after = institutionOf("35012205");
		String next = page(as("350000", get("/org/institutions").param("after", String.valueOf(after))));
		assertThat(next).doesNotContain("id=\"institution-" + after + "\"", ">福建省立医院<").contains(">连江县中医院<");
	}

	@Test
	void pagesOfFiftyWithANextLink() throws Exception {
		long province = institutionOf("350000");
		String marker = "分页" + suffix();
		for (int i = 0; i < 52; i++) {
			String code = "P" + suffix() + i;
			jdbc.sql("""
					INSERT INTO institution (code, name, kind, region_code, parent_id, path, review_rights, enabled,
					                         created_at, updated_at, version)
					VALUES (:code, :name, 'UNIT', '350000', :parent, '/', FALSE, TRUE, CURRENT_TIMESTAMP,
					        CURRENT_TIMESTAMP, 0)""")
				.param("code", code)
				.param("name", marker + "卫生院" + i)
				.param("parent", province)
				.update();
			jdbc.sql("UPDATE institution SET path = :prefix || CAST(id AS VARCHAR(20)) || '/' WHERE code = :code")
				.param("prefix", "/" + province + "/")
				.param("code", code)
				.update();
		}
		String first = page(as("350000", get("/org/institutions").param("q", marker)));
		assertThat(countOf(first, "name=\"ids\"")).isEqualTo(50);
		Matcher next = Pattern.compile("href=\"(/org/institutions\\?[^\"]*after=[0-9]+[^\"]*)\"[^>]*id=\"next-page\"|id=\"next-page\"[^>]*href=\"([^\"]+)\"")
			.matcher(first);
		assertThat(first).contains("下一页");
		assertThat(next.find()).isTrue();
		String url = (next.group(1) != null ? next.group(1) : next.group(2)).replace("&amp;", "&");
		String second = mvc.perform(as("350000", get(java.net.URI.create(url)))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(countOf(second, "name=\"ids\"")).isEqualTo(2);
		assertThat(second).doesNotContain("下一页").contains("第一页");
	}

	// ---------------------------------------------------------------- validation

	static Stream<Arguments> badNames() {
		return Stream.of(Arguments.of("", "此项为必填项"), Arguments.of("医".repeat(10_000), "内容过长，最多 50 个字符"),
				Arguments.of("\uD83D\uDE00医院", "机构名称须为2–50个字"),
				Arguments.of("<script>alert(1)</script>", "机构名称须为2–50个字"),
				Arguments.of("' OR 1=1 --", "机构名称须为2–50个字"), Arguments.of("连江县医院", "已有同名机构"));
	}

	@ParameterizedTest
	@MethodSource("badNames")
	void aBadNameIsShownAtItsFieldAndNothingIsWritten(String name, String message) throws Exception {
		long before = institutionCount();
		String page = mvc.perform(as("350122", post("/org/institutions/new").params(form(Map.of("code", "N" + suffix(),
				"name", name, "kind", "UNIT", "regionCode", "350122", "parentId",
				String.valueOf(institutionOf("350122")))))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(message).contains("is-invalid").doesNotContain("<script>alert(1)</script>")
			.doesNotContain("one-time-secret");
		assertThat(institutionCount()).isEqualTo(before);
	}

	static Stream<Arguments> badFields() {
		return Stream.of(Arguments.of("code", "", "此项为必填项"), Arguments.of("code", "a b", "机构编码须为2–32位"),
				Arguments.of("code", "测试编码", "机构编码须为2–32位"), Arguments.of("code", "350122", "该编码已被使用"),
				Arguments.of("code", "zhangsan", "该编码已被使用"), Arguments.of("code", "x".repeat(33), "最多 32 个字符"),
				Arguments.of("contactPhone", "12345", "请输入11位手机号码"),
				Arguments.of("contactPhone", "1380000000a", "请输入11位手机号码"),
				Arguments.of("contactName", "<b>x</b>", "联系人姓名须为2–30个字"),
				Arguments.of("kind", "NOTHING", "请选择机构类型"), Arguments.of("regionCode", "999999", "请从列表中选择所在地区"),
				Arguments.of("parentId", "abc", "请从列表中选择上级机构"));
	}

	@ParameterizedTest
	@MethodSource("badFields")
	void aBadFieldIsShownNextToItAndNothingIsWritten(String field, String value, String message) throws Exception {
		long before = institutionCount();
		java.util.Map<String, String> values = new java.util.HashMap<>(Map.of("code", "F" + suffix(), "name",
				"连江县字段测试医院" + suffix(), "kind", "UNIT", "regionCode", "350122", "parentId",
				String.valueOf(institutionOf("350122")), "contactName", "林晓", "contactPhone", "13800138000"));
		values.put(field, value);
		String page = page(as("350122", post("/org/institutions/new").params(form(values))));
		assertThat(page).contains(message, "is-invalid").doesNotContain("one-time-secret");
		assertThat(institutionCount()).isEqualTo(before);
	}

	@Test
	void landlineAndMobileNumbersAreAccepted() throws Exception {
		for (String phone : new String[] { "13800138000", "0591-26221234", "059126221234", "0591-26221234-801" }) {
			String page = page(as("350122", post("/org/institutions/new").params(form(Map.of("code", "M" + suffix(),
					"name", "连江县电话测试" + suffix(), "kind", "UNIT", "regionCode", "350122", "parentId",
					String.valueOf(institutionOf("350122")), "contactPhone", phone)))));
			assertThat(page).as(phone).contains("one-time-secret");
		}
	}

	// ---------------------------------------------------------------- edit

	@Test
	void editingChangesNameAndContactAndAStaleVersionChangesNothing() throws Exception {
		long id = addUnitAsCounty("连江县编辑测试医院" + suffix());
		int version = versionOf(id);
		String form = page(as("350122", get("/org/institutions/" + id + "/edit")));
		assertThat(form).contains("name=\"version\"", "value=\"" + version + "\"");

		String renamed = "连江县已改名医院" + suffix();
		mvc.perform(as("350122", post("/org/institutions/" + id + "/edit").param("name", renamed)
			.param("contactName", "陈明").param("contactPhone", "13900001111").param("version", String.valueOf(version))))
			.andExpect(status().is3xxRedirection());
		assertThat(nameOf(id)).isEqualTo(renamed);
		assertThat(page(as("350122", get("/units/search").param("q", "已改名医院")))).contains(renamed);

		String stale = page(as("350122", post("/org/institutions/" + id + "/edit").param("name", "连江县过期修改医院")
			.param("version", String.valueOf(version))));
		assertThat(stale).contains("该记录已被他人修改，请刷新后重试");
		assertThat(nameOf(id)).isEqualTo(renamed);
		assertThat(versionOf(id)).isEqualTo(version + 1);
	}

	@Test
	void editValidatesLikeAdding() throws Exception {
		long id = addUnitAsCounty("连江县编辑校验医院" + suffix());
		int version = versionOf(id);
		String before = state(id);
		for (String bad : new String[] { "", "<script>alert(1)</script>", "连江县医院", "\uD83D\uDE00医院" }) {
			String page = page(as("350122", post("/org/institutions/" + id + "/edit").param("name", bad)
				.param("version", String.valueOf(version))));
			assertThat(page).as(bad).contains("is-invalid").doesNotContain("<script>alert(1)</script>");
		}
		assertThat(state(id)).isEqualTo(before);
	}

	// ---------------------------------------------------------------- reset password

	@Test
	void resettingGivesAOneTimePasswordThatWorksAndMustBeChanged() throws Exception {
		String code = "W" + suffix();
		String added = page(as("350122", post("/org/institutions/new").params(form(Map.of("code", code, "name",
				"连江县重置测试医院" + suffix(), "kind", "UNIT", "regionCode", "350122", "parentId",
				String.valueOf(institutionOf("350122")))))));
		String first = oneTimePasswordIn(added);
		assertThat(encoder.matches(first, users.loadUserByUsername(code).getPassword())).isTrue();

		String reset = page(as("350122", post("/org/institutions/" + idOf(code) + "/reset-password")));
		assertThat(reset).contains("管理员密码已重置", code, "首次登录时必须修改");
		String second = oneTimePasswordIn(reset);
		assertThat(second).isNotEqualTo(first);

		CurrentUser administrator = (CurrentUser) users.loadUserByUsername(code);
		assertThat(encoder.matches(second, administrator.getPassword())).isTrue();
		assertThat(encoder.matches(first, administrator.getPassword())).isFalse();
		assertThat(administrator.getPendingStep()).isEqualTo(CurrentUser.PendingStep.CHANGE_PASSWORD);
	}

	@Test
	void noOneResetsTheirOwnInstitutionsPasswordHere() throws Exception {
		String before = users.loadUserByUsername("350122").getPassword();
		mvc.perform(as("350122", post("/org/institutions/" + institutionOf("350122") + "/reset-password")))
			.andExpect(status().isForbidden());
		assertThat(users.loadUserByUsername("350122").getPassword()).isEqualTo(before);
	}

	// ---------------------------------------------------------------- who may come

	@Test
	void unitsAndApplicantsHaveNoInstitutionPagesButMaySearchTheDictionary() throws Exception {
		for (String login : new String[] { "35012205", "zhangsan" }) {
			mvc.perform(as(login, get("/org/institutions"))).andExpect(status().isForbidden());
			mvc.perform(as(login, get("/org/institutions/new"))).andExpect(status().isForbidden());
			mvc.perform(as(login, post("/org/institutions/disable").param("ids", String.valueOf(institutionOf("35012206")))))
				.andExpect(status().isForbidden());
			assertThat(page(as(login, get("/units/search").param("q", "省立")))).contains("福建省立医院");
		}
		mvc.perform(get("/units/search").param("q", "省立")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theDictionaryFragmentHintsAndTheDictionaryPageFindsUnits() throws Exception {
		String hint = page(as("zhangsan", get("/units/search").param("q", "省")));
		assertThat(hint).contains("请至少输入两个字").doesNotContain("<nav", "<html");
		String results = page(as("zhangsan", get("/units/search").param("q", "省立")));
		assertThat(results).contains("福建省立医院", "福建省立金山医院").doesNotContain("<nav");
		String none = page(as("zhangsan", get("/units/search").param("q", "不存在的单位名称")));
		assertThat(none).contains("如果没有找到您的单位，请联系所在地卫生健康行政部门添加");
		String page = page(as("zhangsan", get("/units").param("q", "省立")));
		assertThat(page).contains("<nav", "hx-get=\"/units/search\"", "input changed delay:300ms", "福建省立金山医院");
	}

	// ---------------------------------------------------------------- helpers

	private MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
		RequestPostProcessor principal = user(users.loadUserByUsername(login));
		return request.with(principal).with(csrf());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> values) {
		org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
		values.forEach(form::add);
		return form;
	}

	private long addUnitAsCounty(String name) throws Exception {
		String code = "E" + suffix();
		page(as("350122", post("/org/institutions/new").params(form(Map.of("code", code, "name", name, "kind", "UNIT",
				"regionCode", "350122", "parentId", String.valueOf(institutionOf("350122")))))));
		return idOf(code);
	}

	private long institutionOf(String code) {
		return idOf(code);
	}

	private long idOf(String code) {
		return jdbc.sql("SELECT id FROM institution WHERE code = :code").param("code", code).query(Long.class).single();
	}

	private String nameOf(long id) {
		return jdbc.sql("SELECT name FROM institution WHERE id = :id").param("id", id).query(String.class).single();
	}

	private int versionOf(long id) {
		return jdbc.sql("SELECT version FROM institution WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	private String state(long id) {
		return jdbc.sql("SELECT name || '|' || enabled || '|' || version || '|' || COALESCE(contact_phone, '') FROM institution WHERE id = :id")
			.param("id", id).query(String.class).single();
	}

	private long institutionCount() {
		return jdbc.sql("SELECT COUNT(*) FROM institution").query(Long.class).single();
	}

	private static String rowOf(String page, long id) {
		int start = page.indexOf("<tr id=\"institution-" + id + "\"");
		assertThat(start).as("row of institution " + id).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static String oneTimePasswordIn(String page) {
		Matcher matcher = ONE_TIME_PASSWORD.matcher(page);
		assertThat(matcher.find()).isTrue();
		// the page escapes what HTML would read as markup (&, <, >, quotes)
		return org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1));
	}

	private static int countOf(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private static String suffix() {
		return String.valueOf(System.nanoTime());
	}
}

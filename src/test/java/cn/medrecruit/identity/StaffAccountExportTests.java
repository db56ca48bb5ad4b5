package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestData;
import cn.medrecruit.reporting.TableExports;
import cn.medrecruit.reporting.XlsxSheet;
import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

/** 导出 of the staff account list: the file holds exactly what the list shows, all pages of it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAccountExportTests {

	/** More than one export chunk, so the export pages through the list as the screen does. */
	private static final int LIANJIANG = StaffAccountSearch.EXPORT_CHUNK + 23;
	private static final int ANXI = 5;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountDirectory users;

	@Autowired
	StaffAccountSearch search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	private String token;
	private long lianjiang;
	private long anxi;
	private final List<String> phones = new ArrayList<>();

	@BeforeAll
	void accounts() {
		token = TestData.uniqueLoginName("exp");
		lianjiang = institution("35012205");
		anxi = institution("35052401");
		for (int i = 0; i < LIANJIANG; i++) {
			// every seventh disabled, every tenth with a phone and a second role
			insert(token + "_" + i, lianjiang, i % 7 != 3, i % 10 == 0 ? TestData.uniquePhone() : null,
					i % 10 == 0 ? List.of("UNIT", "COUNTY") : List.of("UNIT"));
		}
		for (int i = 0; i < ANXI; i++) {
			insert(token + "_ax" + i, anxi, true, null, List.of("UNIT"));
		}
	}

	@Test
	void theExportHoldsTheRowsOfTheScreenForEveryFilter() throws Exception {
		List<Map<String, String>> filters = List.of(Map.of("q", token), Map.of("q", token, "status", "DISABLED"),
				Map.of("q", token, "status", "ENABLED"), Map.of("q", token, "institution", String.valueOf(lianjiang)),
				Map.of("q", token + "_1"), Map.of("q", "no-such-" + token));
		for (Map<String, String> filter : filters) {
			StaffAccountQuery query = new StaffAccountQuery(filter.get("q"),
					filter.containsKey("institution") ? Long.valueOf(filter.get("institution")) : null,
					filter.containsKey("status") ? StaffAccountQuery.Status.valueOf(filter.get("status")) : null, null);
			List<String> screen = screen(query, "350122");
			XlsxSheet sheet = export(filter, "350122");
			assertThat(sheet.column("登录名")).as("filter %s", filter).containsExactlyElementsOf(screen);
		}
		// the counts themselves, so that the comparison above is not between two empty lists
		assertThat(screen(new StaffAccountQuery(token, null, null, null), "350122")).hasSize(LIANJIANG);
		assertThat(screen(new StaffAccountQuery(token, null, StaffAccountQuery.Status.DISABLED, null), "350122"))
			.hasSize((LIANJIANG + 3) / 7);
	}

	@Test
	void theCursorOfThePageDoesNotCutTheExport() throws Exception {
		StaffAccountQuery query = new StaffAccountQuery(token, null, null, null);
		Long second = search.search(query, users.loadUserByUsername("350122")).nextAfter();
		XlsxSheet sheet = export(Map.of("q", token, "after", String.valueOf(second)), "350122");
		assertThat(sheet.rows()).hasSize(LIANJIANG);
	}

	@Test
	void aCityExportsOnlyItsOwnSubtree() throws Exception {
		assertThat(export(Map.of("q", token), "350100").rows()).hasSize(LIANJIANG);
		assertThat(export(Map.of("q", token, "institution", String.valueOf(anxi)), "350100").rows()).isEmpty();
		assertThat(export(Map.of("q", token), "350000").rows()).hasSize(LIANJIANG + ANXI);
		assertThat(export(Map.of("q", token + "_ax"), "350000").column("所属机构")).containsOnly("安溪县医院");
	}

	@Test
	void phonesAreMaskedUnlessTheRoleMaySeeThem() throws Exception {
		String first = phones.get(0);
		// the county has no grant to see personal data in full
		XlsxSheet county = export(Map.of("q", token), "350122");
		List<String> masked = county.column("手机");
		assertThat(masked).contains(Masking.maskPhone(first)).doesNotContain(first);
		assertThat(masked.stream().filter(phone -> !phone.isEmpty())).hasSize(phones.size())
			.allMatch(phone -> phone.matches("\\d{3}\\*{4}\\d{4}"));
		assertThat(county.column("角色").get(0)).isEqualTo("县级/报名点、单位");
		assertThat(county.column("状态").get(3)).isEqualTo("禁用");

		// the city is granted it
		assertThat(export(Map.of("q", token), "350100").column("手机")).containsAll(phones);
	}

	@Test
	void eachExportIsAudited() throws Exception {
		long mark = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").query(Long.class).single();
		export(Map.of("q", token, "status", "DISABLED"), "350122");
		assertThat(jdbc.sql("""
				SELECT actor || ' ' || action || ' ' || outcome || ' ' || detail FROM audit_entry
				 WHERE id > :mark AND target = 'list:staff-accounts'""")
			.param("mark", mark)
			.query(String.class)
			.list()).containsExactly("350122 " + TableExports.AUDIT_ACTION + " SUCCESS rows=" + (LIANJIANG + 3) / 7
					+ "; disclosure=MASKED; filters=/admin/accounts?q=" + token + "&status=DISABLED");
	}

	@Test
	void theListOffersTheExportOfItsFiltersAndOutsidersAreRefused() throws Exception {
		mvc.perform(get("/admin/accounts").param("q", token).param("status", "LOCKED").with(as("350122")))
			.andExpect(content().string(
					containsString("href=\"/admin/accounts/export?q=" + token + "&amp;status=LOCKED\"")));
		mvc.perform(get("/admin/accounts/export").param("q", token).with(as("zhangsan"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/accounts/export").param("q", token).with(as("auditor"))).andExpect(status().isForbidden());
	}

	private XlsxSheet export(Map<String, String> filter, String login) throws Exception {
		MockHttpServletRequestBuilder request = get("/admin/accounts/export").with(as(login));
		filter.forEach(request::param);
		byte[] xlsx = mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", TableExports.CONTENT_TYPE))
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		XlsxSheet sheet = XlsxSheet.read(xlsx);
		assertThat(sheet.header()).containsExactly("登录名", "姓名", "所属机构", "角色", "手机", "状态", "最近登录");
		return sheet;
	}

	/** The login names of every page of the list, as a person clicking 下一页 sees them. */
	private List<String> screen(StaffAccountQuery query, String login) {
		CurrentUser user = users.loadUserByUsername(login);
		List<String> names = new ArrayList<>();
		StaffAccountQuery page = query;
		while (true) {
			StaffAccountSearch.Page result = search.search(page, user);
			result.rows().forEach(row -> names.add(row.loginName()));
			if (result.nextAfter() == null) {
				return names;
			}
			page = page.after(result.nextAfter());
		}
	}

	private void insert(String login, long institution, boolean enabled, String phone, List<String> roles) {
		String path = jdbc.sql("SELECT path FROM institution WHERE id = :id").param("id", institution)
			.query(String.class)
			.single();
		jdbc.sql("""
				INSERT INTO account (login_name, kind, real_name, institution_id, institution_path, phone_enc,
				       phone_hash, phone_masked, password_hash, password_changed_at, must_change_password,
				       profile_required, enabled, failed_attempts, created_at, version)
				VALUES (:login, 'STAFF', :name, :institution, :path, :phoneEnc, :phoneHash, :phoneMasked, '{noop}x',
				       CURRENT_TIMESTAMP, FALSE, FALSE, :enabled, 0, CURRENT_TIMESTAMP, 0)""")
			.param("login", login)
			.param("name", "导出" + login.substring(login.lastIndexOf('_') + 1))
			.param("institution", institution)
			.param("path", path)
			.param("phoneEnc", phone == null ? null : cipher.encrypt(phone))
			.param("phoneHash", phone == null ? null : cipher.lookupHash(phone))
			.param("phoneMasked", phone == null ? null : Masking.maskPhone(phone))
			.param("enabled", enabled)
			.update();
		long id = jdbc.sql("SELECT id FROM account WHERE login_name = :login").param("login", login)
			.query(Long.class)
			.single();
		for (String role : roles) {
			jdbc.sql("INSERT INTO account_role (account, role) VALUES (:id, :role)").param("id", id)
				.param("role", role)
				.update();
		}
		if (phone != null) {
			phones.add(phone);
		}
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String login) {
		return user(users.loadUserByUsername(login));
	}

	private long institution(String code) {
		return jdbc.sql("SELECT id FROM institution WHERE code = :code").param("code", code).query(Long.class).single();
	}
}

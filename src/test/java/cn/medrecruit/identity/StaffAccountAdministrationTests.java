package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

@IntegrationTest
class StaffAccountAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountDirectory users;

	@Autowired
	StaffAccounts staffAccounts;

	@Autowired
	StaffAccountSearch search;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Access access;

	@Autowired
	Clock clock;

	// ---------------------------------------------------------------- creating

	@Test
	void provinceCreatesAnAccountWhoseOneTimePasswordLeadsStraightToThePasswordChange() throws Exception {
		String loginName = unique("new");
		long hospital = institution("35012205");
		long mark = lastAuditId();

		String page = mvc.perform(post("/admin/accounts/new").param("loginName", loginName)
			.param("displayName", "王医生")
			.param("institutionId", String.valueOf(hospital))
			.param("roles", "UNIT")
			.with(as("350000"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"one-time-secret\"")))
			.andExpect(content().string(containsString("首次登录时必须立即修改密码，并完善")))
			.andExpect(content().string(containsString("连江县医院")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String password = oneTimePassword(page);

		Account created = accounts.findByLoginName(loginName).orElseThrow();
		assertThat(created.institutionId).isEqualTo(hospital);
		assertThat(created.roleSet()).containsExactly(Role.UNIT);
		assertThat(created.mustChangePassword).isTrue();
		assertThat(created.profileRequired).isTrue();
		assertThat(created.passwordHash).doesNotContain(password);
		assertThat(auditActionsSince(mark, "account:" + created.id)).containsExactly("STAFF_ACCOUNT_CREATED");

		mvc.perform(formLogin("/login").user(loginName).password(password))
			.andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void formErrorsStayNextToTheirFieldsAndWriteNothing() throws Exception {
		String bad = "_" + unique("x");
		mvc.perform(post("/admin/accounts/new").param("loginName", bad)
			.param("displayName", "")
			.param("roles", "UNIT")
			.with(as("350000"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"loginName-error\"")))
			.andExpect(content().string(containsString("登录名须以字母或数字开头")))
			.andExpect(content().string(containsString("id=\"displayName-error\"")))
			.andExpect(content().string(containsString("id=\"institutionId-error\"")))
			.andExpect(content().string(not(containsString("one-time-secret"))));
		assertThat(accounts.existsByLoginName(bad)).isFalse();

		// a taken login name, and nothing written
		long before = count("SELECT COUNT(*) FROM account");
		mvc.perform(post("/admin/accounts/new").param("loginName", "350122")
			.param("displayName", "重名")
			.param("institutionId", String.valueOf(institution("35012205")))
			.param("roles", "UNIT")
			.with(as("350000"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该用户名已被使用")))
			.andExpect(content().string(not(containsString("one-time-secret"))));
		assertThat(count("SELECT COUNT(*) FROM account")).isEqualTo(before);
	}

	@Test
	void theFormOffersOnlyGrantableRolesAndInstitutionsInScope() throws Exception {
		mvc.perform(get("/admin/accounts/new").with(as("350000")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"PROVINCE\"")))
			.andExpect(content().string(not(containsString("value=\"SYSTEM_ADMIN\""))))
			.andExpect(content().string(not(containsString("value=\"APPLICANT\""))));
		mvc.perform(get("/admin/accounts/new").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"SYSTEM_ADMIN\"")));
		mvc.perform(get("/admin/accounts/new").with(as("350000")))
			.andExpect(content().string(containsString("安溪县医院")));
		// a city granted ACCOUNT_CREATE for the occasion sees only its own subtree and levels
		jdbc.sql("INSERT INTO role_permission (role, permission) VALUES ('CITY', 'ACCOUNT_CREATE')").update();
		access.on(new PermissionMatrix.Changed());
		try {
			mvc.perform(get("/admin/accounts/new").with(as("350100")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("连江县医院")))
				.andExpect(content().string(not(containsString("安溪县医院"))))
				.andExpect(content().string(containsString("value=\"COUNTY\"")))
				.andExpect(content().string(not(containsString("value=\"PROVINCE\""))));
		}
		finally {
			jdbc.sql("DELETE FROM role_permission WHERE role = 'CITY' AND permission = 'ACCOUNT_CREATE'").update();
			access.on(new PermissionMatrix.Changed());
		}

		// a forged request for a role the form does not offer
		String loginName = unique("forged");
		mvc.perform(post("/admin/accounts/new").param("loginName", loginName)
			.param("displayName", "冒充")
			.param("institutionId", String.valueOf(institution("35012205")))
			.param("roles", "SYSTEM_ADMIN")
			.with(as("350000"))
			.with(csrf())).andExpect(status().isForbidden());
		// or for an institution outside the creator's subtree, or a role above the creator's level
		cityCannotCreateOutsideItsSubtreeOrAboveItsLevel("350100");
		assertThat(accounts.existsByLoginName(loginName)).isFalse();
	}

	/** A city granted ACCOUNT_CREATE still cannot create outside its subtree nor give a provincial role. */
	private void cityCannotCreateOutsideItsSubtreeOrAboveItsLevel(String city) {
		CurrentUser actor = users.loadUserByUsername(city);
		assertThat(staffAccounts.grantableRoles(actor)).containsExactlyInAnyOrder(Role.CITY, Role.COUNTY, Role.UNIT);
		String loginName = unique("outside");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> staffAccounts.create(
					new NewStaffAccount(loginName, "外地", institution("35052401"), Set.of(Role.UNIT)), actor))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> staffAccounts.create(
					new NewStaffAccount(loginName, "越级", institution("35012205"), Set.of(Role.PROVINCE)), actor))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(accounts.existsByLoginName(loginName)).isFalse();
	}

	@Test
	void countyCannotCreateAccounts() throws Exception {
		String loginName = unique("county");
		mvc.perform(get("/admin/accounts/new").with(as("350122"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/accounts/new").param("loginName", loginName)
			.param("displayName", "县建")
			.param("institutionId", String.valueOf(institution("35012205")))
			.param("roles", "UNIT")
			.with(as("350122"))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(accounts.existsByLoginName(loginName)).isFalse();
		// the county still manages the accounts of its subtree, without the button to create one
		mvc.perform(get("/admin/accounts").with(as("350122")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"new-account\""))));
	}

	// ---------------------------------------------------------------- resetting and data scope

	@Test
	void cityResetsAPasswordInItsSubtreeButNotOutside() throws Exception {
		IssuedPassword lianjiang = createAt("35012205");
		IssuedPassword anxi = createAt("35052401");
		String anxiHash = passwordHash(anxi.account().value());
		long mark = lastAuditId();

		String page = mvc
			.perform(post("/admin/accounts/{id}/password", lianjiang.account().value()).with(as("350100")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"one-time-secret\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String reset = oneTimePassword(page);
		assertThat(reset).isNotEqualTo(lianjiang.oneTimePassword());
		assertThat(encoder.matches(reset, passwordHash(lianjiang.account().value()))).isTrue();
		assertThat(encoder.matches(lianjiang.oneTimePassword(), passwordHash(lianjiang.account().value()))).isFalse();
		assertThat(auditActionsSince(mark, "account:" + lianjiang.account().value())).containsExactly("PASSWORD_RESET");

		mvc.perform(post("/admin/accounts/{id}/password", anxi.account().value()).with(as("350100")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/accounts/{id}/enabled", anxi.account().value()).param("enabled", "false")
			.with(as("350100"))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(passwordHash(anxi.account().value())).isEqualTo(anxiHash);
		assertThat(accounts.findById(anxi.account().value()).orElseThrow().enabled).isTrue();
		// the refusals are logged, not the actions
		assertThat(jdbc.sql("SELECT outcome FROM audit_entry WHERE id > :id AND target = :target ORDER BY id")
			.param("id", mark)
			.param("target", "account:" + anxi.account().value())
			.query(String.class)
			.list()).containsExactly("DENIED", "DENIED");
	}

	@Test
	void theListShowsOnlyTheSubtreeWithNamesPhonesAndRoles() throws Exception {
		String token = unique("list");
		IssuedPassword inside = staffAccounts.createForInstitution(
				new NewStaffAccount(token + "a", "连江甲", institution("35012205"), Set.of(Role.UNIT)));
		staffAccounts.createForInstitution(
				new NewStaffAccount(token + "b", "安溪乙", institution("35052401"), Set.of(Role.UNIT)));

		mvc.perform(get("/admin/accounts").param("q", token).with(as("350100")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(token + "a")))
			.andExpect(content().string(containsString("连江县医院")))
			.andExpect(content().string(not(containsString(token + "b"))));
		mvc.perform(get("/admin/accounts").param("q", token).with(as("350000")))
			.andExpect(content().string(containsString(token + "a")))
			.andExpect(content().string(containsString(token + "b")))
			.andExpect(content().string(containsString("安溪县医院")));
		// the keyword matches names too, and the institution filter narrows down
		mvc.perform(get("/admin/accounts").param("q", "连江甲")
			.param("institution", String.valueOf(institution("35012205")))
			.with(as("350100"))).andExpect(content().string(containsString(token + "a")));
		mvc.perform(get("/admin/accounts").param("q", token)
			.param("institution", String.valueOf(institution("35012201")))
			.with(as("350100"))).andExpect(content().string(not(containsString(token + "a"))));
		// a demo account with a phone number: masked, with its role
		mvc.perform(get("/admin/accounts").param("q", "35012205").with(as("350122")))
			.andExpect(content().string(containsString("139****0000")))
			.andExpect(content().string(containsString("单位")))
			.andExpect(content().string(not(containsString("13900000000"))));
		assertThat(inside.account().value()).isPositive();
	}

	@Test
	void theListPagesByIdAndFiltersByStatus() throws Exception {
		String token = unique("page");
		long hospital = institution("35012205");
		String path = jdbc.sql("SELECT path FROM institution WHERE id = :id").param("id", hospital)
			.query(String.class)
			.single();
		for (int i = 0; i < StaffAccountQuery.PAGE_SIZE + 2; i++) {
			jdbc.sql("""
					INSERT INTO account (login_name, kind, real_name, institution_id, institution_path, password_hash,
					       password_changed_at, must_change_password, profile_required, enabled, failed_attempts,
					       created_at, version)
					VALUES (:login, 'STAFF', :name, :institution, :path, '{noop}x', CURRENT_TIMESTAMP, TRUE, TRUE, TRUE, 0,
					       CURRENT_TIMESTAMP, 0)""")
				.param("login", token + "_" + i)
				.param("name", "分页" + i)
				.param("institution", hospital)
				.param("path", path)
				.update();
		}
		CurrentUser county = users.loadUserByUsername("350122");
		StaffAccountQuery query = new StaffAccountQuery(token, null, null, null);
		StaffAccountSearch.Page first = search.search(query, county);
		assertThat(first.rows()).hasSize(StaffAccountQuery.PAGE_SIZE);
		assertThat(first.nextAfter()).isEqualTo(first.rows().get(StaffAccountQuery.PAGE_SIZE - 1).id());
		StaffAccountSearch.Page second = search.search(query.after(first.nextAfter()), county);
		assertThat(second.rows()).hasSize(2).allSatisfy(row -> assertThat(row.id()).isGreaterThan(first.nextAfter()));
		assertThat(second.nextAfter()).isNull();
		mvc.perform(get("/admin/accounts").param("q", token).with(as("350122")))
			.andExpect(content().string(containsString("after=" + first.nextAfter())));

		long disabled = first.rows().get(3).id();
		long locked = first.rows().get(4).id();
		accounts.setEnabled(disabled, false);
		jdbc.sql("UPDATE account SET locked_until = :until, failed_attempts = 5 WHERE id = :id")
			.param("until", java.sql.Timestamp.from(clock.instant().plus(10, ChronoUnit.MINUTES)))
			.param("id", locked)
			.update();
		assertThat(search.search(new StaffAccountQuery(token, null, StaffAccountQuery.Status.DISABLED, null), county)
			.rows()).extracting(StaffAccountRow::id).containsExactly(disabled);
		assertThat(search.search(new StaffAccountQuery(token, null, StaffAccountQuery.Status.LOCKED, null), county)
			.rows()).extracting(StaffAccountRow::id).containsExactly(locked);
		assertThat(search.search(new StaffAccountQuery(token, null, StaffAccountQuery.Status.ENABLED, null), county)
			.rows()).extracting(StaffAccountRow::id).doesNotContain(disabled, locked).hasSize(StaffAccountQuery.PAGE_SIZE);
		// a keyword that looks like a LIKE pattern is taken literally
		assertThat(search.search(new StaffAccountQuery("%", null, null, null), county).rows()).isEmpty();
		mvc.perform(get("/admin/accounts").param("q", token).param("status", "LOCKED").with(as("350122")))
			.andExpect(content().string(containsString("锁定至")))
			.andExpect(content().string(containsString("/admin/accounts/" + locked + "/unlock")));
	}

	// ---------------------------------------------------------------- disabling ends sessions

	@Test
	void disablingAnAccountEndsItsSessions() throws Exception {
		IssuedPassword issued = createAt("35012205");
		mvc.perform(formLogin("/login").user(issued.loginName()).password(issued.oneTimePassword()))
			.andExpect(redirectedUrl("/account/password"));
		assertThat(sessionsOf(issued.loginName())).isPositive();

		mvc.perform(post("/admin/accounts/{id}/enabled", issued.account().value()).param("enabled", "false")
			.param("loginName", issued.loginName())
			.with(as("350122"))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("flashSuccess", "已禁用账号 " + issued.loginName() + "，其登录会话已全部退出。"));

		assertThat(sessionsOf(issued.loginName())).isZero();
		assertThat(accounts.findById(issued.account().value()).orElseThrow().enabled).isFalse();
		String message = loginMessage(issued.loginName(), issued.oneTimePassword());
		assertThat(message).contains("已被禁用");

		mvc.perform(post("/admin/accounts/{id}/enabled", issued.account().value()).param("enabled", "true")
			.with(as("350122"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(formLogin("/login").user(issued.loginName()).password(issued.oneTimePassword()))
			.andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void filtersSurviveAnAction() throws Exception {
		IssuedPassword issued = createAt("35012205");
		mvc.perform(post("/admin/accounts/{id}/enabled", issued.account().value()).param("enabled", "false")
			.param("q", "a b")
			.param("status", "ENABLED")
			.param("after", "7")
			.with(as("350122"))
			.with(csrf())).andExpect(redirectedUrl("/admin/accounts?q=a%20b&status=ENABLED&after=7"));
	}

	// ---------------------------------------------------------------- lockout

	@Test
	void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
		IssuedPassword issued = createAt("35012205");
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(loginMessage(issued.loginName(), "Wrong@2026x")).contains("再输错 " + (5 - attempt) + " 次");
		}
		assertThat(loginMessage(issued.loginName(), "Wrong@2026x")).contains("账号已锁定至");
		// the right password is refused while locked
		assertThat(loginMessage(issued.loginName(), issued.oneTimePassword())).contains("账号已锁定至");

		mvc.perform(get("/admin/accounts").param("q", issued.loginName()).param("status", "LOCKED").with(as("admin")))
			.andExpect(content().string(containsString(issued.loginName())));
		mvc.perform(post("/admin/accounts/{id}/unlock", issued.account().value()).param("loginName", issued.loginName())
			.with(as("admin"))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("flashSuccess", "已解锁账号 " + issued.loginName() + "。"));

		mvc.perform(formLogin("/login").user(issued.loginName()).password(issued.oneTimePassword()))
			.andExpect(redirectedUrl("/account/password"));
	}

	// ---------------------------------------------------------------- applicants

	@Test
	void theSystemAdministratorFindsALockedApplicantByIdNumberAndUnlocksIt() throws Exception {
		String idNumber = "35" + String.format("%016d", System.nanoTime() % 10_000_000_000_000_000L);
		Account applicant = new Account();
		applicant.loginName = unique("ap");
		applicant.kind = AccountKind.APPLICANT;
		applicant.realName = "赵六";
		applicant.idType = IdDocumentType.RESIDENT_ID;
		applicant.idNumberEnc = cipher.encrypt(idNumber);
		applicant.idNumberHash = cipher.lookupHash(idNumber);
		applicant.idNumberMasked = Masking.maskIdNumber(idNumber);
		applicant.passwordHash = encoder.encode("Demo@2026");
		applicant.passwordChangedAt = Instant.now();
		applicant.enabled = true;
		applicant.failedAttempts = 5;
		applicant.lockedUntil = clock.instant().plus(20, ChronoUnit.MINUTES);
		applicant.createdAt = Instant.now();
		applicant.roles = Set.of(new Account.AccountRole(Role.APPLICANT));
		long id = accounts.save(applicant).id;

		String spaced = idNumber.substring(0, 6) + " " + idNumber.substring(6);
		mvc.perform(post("/admin/accounts/applicant").param("applicant", spaced).with(as("admin")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"applicant-result\"")))
			.andExpect(content().string(containsString(Masking.maskIdNumber(idNumber))))
			.andExpect(content().string(not(containsString(idNumber))))
			.andExpect(content().string(containsString("/admin/accounts/" + id + "/unlock")));
		mvc.perform(post("/admin/accounts/applicant").param("applicant", "nobody-" + idNumber)
			.with(as("admin"))
			.with(csrf())).andExpect(content().string(containsString("id=\"applicant-none\"")));

		// nobody else looks applicants up or unlocks them here
		mvc.perform(post("/admin/accounts/applicant").param("applicant", idNumber).with(as("350000")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/accounts/{id}/unlock", id).with(as("350000")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(accounts.findById(id).orElseThrow().lockedUntil).isNotNull();
		// nor reset an applicant's password as if it were a staff account
		mvc.perform(post("/admin/accounts/{id}/password", id).with(as("admin")).with(csrf()))
			.andExpect(status().isForbidden());

		mvc.perform(post("/admin/accounts/{id}/unlock", id).with(as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		Account unlocked = accounts.findById(id).orElseThrow();
		assertThat(unlocked.lockedUntil).isNull();
		assertThat(unlocked.failedAttempts).isZero();
	}

	// ---------------------------------------------------------------- helpers

	private RequestPostProcessor as(String loginName) {
		return user(users.loadUserByUsername(loginName));
	}

	private IssuedPassword createAt(String institutionCode) {
		return staffAccounts.createForInstitution(
				new NewStaffAccount(unique("t"), "测试", institution(institutionCode), Set.of(Role.UNIT)));
	}

	/**
	 * Logs in with the form and returns the message the login page then shows. Sent from a Chinese browser: the
	 * login messages follow the browser's language (see the report on LoginFlow).
	 */
	private String loginMessage(String loginName, String password) throws Exception {
		MvcResult failed = mvc.perform(post("/login").param("username", loginName)
			.param("password", password)
			.locale(Locale.SIMPLIFIED_CHINESE)
			.with(csrf()))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn();
		Cookie session = failed.getResponse().getCookie("SESSION");
		assertThat(session).as("session cookie").isNotNull();
		String page = mvc.perform(get("/login").cookie(session)).andReturn().getResponse().getContentAsString();
		Matcher error = Pattern.compile("id=\"login-error\">([^<]*)<").matcher(page);
		assertThat(error.find()).as("error message on the login page").isTrue();
		return HtmlUtils.htmlUnescape(error.group(1));
	}

	private static String oneTimePassword(String page) {
		Matcher secret = Pattern.compile("class=\"one-time-secret\" id=\"one-time-password\">([^<]+)<").matcher(page);
		assertThat(secret.find()).as("one-time password on the page").isTrue();
		return HtmlUtils.htmlUnescape(secret.group(1));
	}

	private long institution(String code) {
		return jdbc.sql("SELECT id FROM institution WHERE code = :code").param("code", code).query(Long.class).single();
	}

	private String passwordHash(long accountId) {
		return jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", accountId)
			.query(String.class)
			.single();
	}

	private long sessionsOf(String loginName) {
		return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :name").param("name", loginName)
			.query(Long.class)
			.single();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long lastAuditId() {
		return count("SELECT COALESCE(MAX(id), 0) FROM audit_entry");
	}

	private java.util.List<String> auditActionsSince(long id, String target) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE id > :id AND target = :target ORDER BY id")
			.param("id", id)
			.param("target", target)
			.query(String.class)
			.list();
	}

	private static String unique(String prefix) {
		return prefix + System.nanoTime();
	}
}

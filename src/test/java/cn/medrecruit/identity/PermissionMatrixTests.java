package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.identity.PermissionMatrix.Cell;

@IntegrationTest
class PermissionMatrixTests {

	private static final Cell COUNTY_UNIT_CREATE = new Cell(Role.COUNTY, Permission.UNIT_CREATE);

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountDirectory users;

	@Autowired
	PermissionMatrix matrix;

	@Autowired
	Access access;

	@Autowired
	JdbcClient jdbc;

	@Test
	void provinceRevokesAndGrantsBackAFunctionOfTheCounty() throws Exception {
		Authentication county = authenticated("350122");
		assertThat(access.can(county, Permission.UNIT_CREATE)).isTrue();
		long mark = lastAuditId();
		try {
			save("350000", cells -> cells.remove(COUNTY_UNIT_CREATE)).andExpect(redirectedUrl("/admin/permissions"))
				.andExpect(flash().attribute("flashSuccess", "已保存：新增授权 0 项，取消授权 1 项。"));
			assertThat(access.can(county, Permission.UNIT_CREATE)).isFalse();
			assertThat(auditActionsSince(mark, "role:COUNTY/permission:UNIT_CREATE")).containsExactly("PERMISSION_REVOKED");
			assertThat(actorsSince(mark)).containsOnly("350000");
		}
		finally {
			save("350000", cells -> cells.add(COUNTY_UNIT_CREATE));
		}
		assertThat(access.can(county, Permission.UNIT_CREATE)).isTrue();
		assertThat(auditActionsSince(mark, "role:COUNTY/permission:UNIT_CREATE")).containsExactly("PERMISSION_REVOKED",
				"PERMISSION_GRANTED");
	}

	@Test
	void onlyChangedCellsAreWrittenAndAudited() throws Exception {
		long mark = lastAuditId();
		Cell cityAudit = new Cell(Role.CITY, Permission.AUDIT_VIEW);
		Cell unitExport = new Cell(Role.UNIT, Permission.ROSTER_EXPORT);
		try {
			save("admin", cells -> {
				cells.add(cityAudit);
				cells.remove(unitExport);
			});
			assertThat(matrix.read().granted()).contains(cityAudit).doesNotContain(unitExport);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE id > :id AND action LIKE 'PERMISSION_%'")
				.param("id", mark)
				.query(Long.class)
				.single()).isEqualTo(2);
		}
		finally {
			save("admin", cells -> {
				cells.remove(cityAudit);
				cells.add(unitExport);
			});
		}
		assertThat(matrix.read().granted()).doesNotContain(cityAudit).contains(unitExport);
	}

	@Test
	void provinceCannotChangeTheSystemAdministratorColumn() throws Exception {
		Set<Cell> before = matrix.read().granted();
		long mark = lastAuditId();
		Cell adminAudit = new Cell(Role.SYSTEM_ADMIN, Permission.AUDIT_VIEW);
		Cell adminOutbox = new Cell(Role.SYSTEM_ADMIN, Permission.SMS_OUTBOX_VIEW);
		Cell adminReedit = new Cell(Role.SYSTEM_ADMIN, Permission.APPLICATION_REEDIT);
		assertThat(before).contains(adminAudit, adminOutbox).doesNotContain(adminReedit);

		try {
			save("350000", cells -> {
				cells.remove(adminAudit);
				cells.remove(adminOutbox);
				cells.add(adminReedit);
			}).andExpect(flash().attribute("flashSuccess", "没有修改。"));
			assertThat(matrix.read().granted()).isEqualTo(before);
		}
		finally {
			// the database is shared by every test class: never leave the matrix changed
			if (!matrix.read().granted().equals(before)) {
				save("admin", cells -> {
					cells.clear();
					cells.addAll(before);
				});
			}
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE id > :id AND target LIKE 'role:SYSTEM_ADMIN/%'")
			.param("id", mark)
			.query(Long.class)
			.single()).isZero();
		String page = mvc.perform(get("/admin/permissions").with(user(users.loadUserByUsername("350000"))))
			.andExpect(content().string(containsString("id=\"admin-column-note\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(checkbox(page, "SYSTEM_ADMIN:AUDIT_VIEW")).contains("checked", "disabled");
		assertThat(checkbox(page, "SYSTEM_ADMIN:APPLICATION_REEDIT")).contains("disabled").doesNotContain("checked");
		assertThat(checkbox(page, "PROVINCE:AUDIT_VIEW")).doesNotContain("checked", "disabled");
		assertThat(checkbox(page, "PROVINCE:ACCOUNT_CREATE")).contains("checked").doesNotContain("disabled");
	}

	@Test
	void nobodyTakesTheMatrixAwayFromTheSystemAdministrator() throws Exception {
		save("admin", cells -> cells.remove(PermissionMatrix.FIXED));
		assertThat(matrix.read().granted()).contains(PermissionMatrix.FIXED);
		assertThat(access.can(authenticated("admin"), Permission.PERMISSION_CONFIGURE)).isTrue();
		String page = mvc.perform(get("/admin/permissions").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新增审核账号")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(checkbox(page, "SYSTEM_ADMIN:PERMISSION_CONFIGURE")).contains("checked", "disabled");
		assertThat(checkbox(page, "SYSTEM_ADMIN:AUDIT_VIEW")).contains("checked").doesNotContain("disabled");
	}

	@Test
	void aFormShownBeforeSomebodyElseSavedIsRefused() throws Exception {
		String stale = matrix.read().fingerprint();
		Cell cell = new Cell(Role.BASE, Permission.ROSTER_EXPORT);
		boolean had = matrix.read().granted().contains(cell);
		try {
			save("admin", cells -> {
				if (!cells.remove(cell)) {
					cells.add(cell);
				}
			});
			Set<Cell> now = matrix.read().granted();
			MockHttpServletRequestBuilder request = post("/admin/permissions").param("fingerprint", stale)
				.with(user(users.loadUserByUsername("350000")))
				.with(csrf());
			mvc.perform(request).andExpect(flash().attribute("flashError", "角色权限已被他人修改，请查看最新配置后重新修改。"));
			assertThat(matrix.read().granted()).isEqualTo(now);
		}
		finally {
			save("admin", cells -> {
				if (had) {
					cells.add(cell);
				}
				else {
					cells.remove(cell);
				}
			});
		}
	}

	@Test
	void onlyHoldersOfPermissionConfigureSeeTheMatrix() throws Exception {
		mvc.perform(get("/admin/permissions").with(user(users.loadUserByUsername("350122"))))
			.andExpect(status().isForbidden());
		Set<Cell> before = matrix.read().granted();
		mvc.perform(post("/admin/permissions").param("fingerprint", matrix.read().fingerprint())
			.with(user(users.loadUserByUsername("350100")))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(matrix.read().granted()).isEqualTo(before);
		mvc.perform(get("/admin/permissions").with(user(users.loadUserByUsername("350000"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("table-responsive permission-matrix")));
	}

	/** Posts the whole matrix as the page would, with one edit, as the given person. */
	private ResultActions save(String loginName, Consumer<Set<Cell>> edit) throws Exception {
		PermissionMatrix.Snapshot snapshot = matrix.read();
		Set<Cell> cells = new HashSet<>(snapshot.granted());
		edit.accept(cells);
		MockHttpServletRequestBuilder request = post("/admin/permissions").param("fingerprint", snapshot.fingerprint())
			.with(user(users.loadUserByUsername(loginName)))
			.with(csrf());
		cells.forEach(cell -> request.param("grant", cell.key()));
		return mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	/** The input tag of one cell of the rendered matrix. */
	private static String checkbox(String page, String key) {
		Matcher tag = Pattern.compile("<input[^>]*id=\"cell-" + Pattern.quote(key) + "\"[^>]*>").matcher(page);
		assertThat(tag.find()).as("checkbox %s on the page", key).isTrue();
		return tag.group().replace("aria-label=\"", "\"");
	}

	private Authentication authenticated(String loginName) {
		CurrentUser user = users.loadUserByUsername(loginName);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	private long lastAuditId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").query(Long.class).single();
	}

	private java.util.List<String> auditActionsSince(long id, String target) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE id > :id AND target = :target ORDER BY id")
			.param("id", id)
			.param("target", target)
			.query(String.class)
			.list();
	}

	private java.util.List<String> actorsSince(long id) {
		return jdbc.sql("SELECT DISTINCT actor FROM audit_entry WHERE id > :id AND action LIKE 'PERMISSION_%'")
			.param("id", id)
			.query(String.class)
			.list();
	}
}

package cn.medrecruit.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.organization.InstitutionKind;
import cn.medrecruit.organization.InstitutionRegistry;
import cn.medrecruit.organization.NewInstitution;
import cn.medrecruit.shared.Masking;

@IntegrationTest
class NoticePagesTests {

	private static final Pattern BADGE = Pattern.compile("id=\"notice-badge\"[^>]*>([^<]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	Notices notices;

	@Autowired
	TestApplicants applicants;

	@Autowired
	UserDetailsService users;

	@Autowired
	InstitutionRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMessageRaisesTheBadgeShowsOnThePageAndOpeningItReadsItAndFollowsItsLink() throws Exception {
		TestApplicants.Registered applicant = applicants.register("王小明");
		assertThat(badge(applicant.principal())).isNull();

		notices.send(applicant.id(), new Notice("报名已退回", "请按审核意见修改后重新提交", "/applications", true));

		assertThat(badge(applicant.principal())).isEqualTo("1");
		String page = page(as(applicant.principal(), get("/messages")));
		assertThat(page).contains("报名已退回", "请按审核意见修改后重新提交", "notice-unread");
		assertThat(latestSms(applicant.phone())).isEqualTo("报名已退回：请按审核意见修改后重新提交");

		mvc.perform(as(applicant.principal(), post("/messages/" + newestNotice(applicant.id()) + "/open")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/applications"));

		assertThat(badge(applicant.principal())).isNull();
		assertThat(page(as(applicant.principal(), get("/messages")))).contains("报名已退回")
			.doesNotContain("notice-unread");
	}

	@Test
	void withoutSmsOrWithoutAPhoneNoTextIsSent() throws Exception {
		TestApplicants.Registered applicant = applicants.register("李小红");
		// a new unit's administrator has not yet given a phone in their profile
		String code = "N" + System.nanoTime();
		registry.addTrusted(new NewInstitution(code, "通知测试单位" + code, InstitutionKind.UNIT, null, "350122",
				jdbc.sql("SELECT id FROM institution WHERE code = '350122'").query(Long.class).single(), false, null,
				null));
		CurrentUser staff = (CurrentUser) users.loadUserByUsername(code);
		long outbox = outboxSize();

		notices.send(applicant.id(), new Notice("材料已收到", "无需操作", null, false));
		notices.send(staff.getId(), new Notice("有新的待审报名", "请及时审核", "/", true));

		assertThat(outboxSize()).isEqualTo(outbox);
		assertThat(badge(applicant.principal())).isEqualTo("1");
		assertThat(newestNotice(staff.getId())).isPositive();
	}

	@Test
	void someoneElsesMessageCannotBeOpenedAndOutsideLinksAreNotFollowed() throws Exception {
		TestApplicants.Registered owner = applicants.register("张小华");
		TestApplicants.Registered other = applicants.register("赵小军");
		notices.send(owner.id(), new Notice("外部链接", "不应跳转", "https://example.com/", false));
		long id = newestNotice(owner.id());

		mvc.perform(as(other.principal(), post("/messages/" + id + "/open"))).andExpect(status().isNotFound());
		assertThat(badge(owner.principal())).isEqualTo("1");
		assertThat(page(as(other.principal(), get("/messages")))).doesNotContain("外部链接");

		mvc.perform(as(owner.principal(), post("/messages/" + id + "/open")))
			.andExpect(redirectedUrl("/messages"));
		assertThat(badge(owner.principal())).isNull();
	}

	@Test
	void manyMessagesPageNewestFirstAndAllCanBeMarkedRead() throws Exception {
		TestApplicants.Registered applicant = applicants.register("孙小丽");
		for (int i = 1; i <= 120; i++) {
			notices.send(applicant.id(), new Notice("消息" + i + "号", "内容" + i, null, false));
		}
		assertThat(badge(applicant.principal())).isEqualTo("99+");

		String first = page(as(applicant.principal(), get("/messages")));
		assertThat(first.indexOf("消息120号")).isPositive().isLessThan(first.indexOf("消息119号"));
		assertThat(first).contains("消息101号").doesNotContain("消息100号").contains("id=\"older-notices\"");
		Matcher older = Pattern.compile("href=\"(/messages\\?before=\\d+)\"").matcher(first);
		assertThat(older.find()).isTrue();
		String second = page(as(applicant.principal(), get(older.group(1))));
		assertThat(second).contains("消息100号", "消息81号").doesNotContain("消息101号").doesNotContain("消息80号");

		mvc.perform(as(applicant.principal(), post("/messages/read-all"))).andExpect(redirectedUrl("/messages"));
		assertThat(badge(applicant.principal())).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE account_id = :a AND read_at IS NULL")
			.param("a", applicant.id().value())
			.query(Integer.class)
			.single()).isZero();
	}

	private String badge(UserDetails principal) throws Exception {
		Matcher matcher = BADGE.matcher(page(as(principal, get("/messages"))));
		return matcher.find() ? matcher.group(1).strip() : null;
	}

	private MockHttpServletRequestBuilder as(UserDetails principal, MockHttpServletRequestBuilder request) {
		return request.with(user(principal)).with(csrf());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private long newestNotice(AccountId account) {
		return jdbc.sql("SELECT MAX(id) FROM notice WHERE account_id = :a")
			.param("a", account.value())
			.query(Long.class)
			.single();
	}

	private String latestSms(String phone) {
		return jdbc.sql("SELECT message FROM sms_outbox WHERE phone_masked = :masked ORDER BY id DESC LIMIT 1")
			.param("masked", Masking.maskPhone(phone))
			.query(String.class)
			.single();
	}

	private long outboxSize() {
		return jdbc.sql("SELECT COUNT(*) FROM sms_outbox").query(Long.class).single();
	}
}

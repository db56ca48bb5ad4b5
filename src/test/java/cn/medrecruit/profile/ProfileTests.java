package cn.medrecruit.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;

@IntegrationTest
class ProfileTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApplicants applicants;

	@Autowired
	ApplicantProfiles profiles;

	@Autowired
	ProfileCompleteness completeness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestApplicants.Registered applicant;

	@BeforeEach
	void newApplicant() {
		applicant = applicants.register("孙丽");
	}

	@Test
	void aCompleteProfileHasEverySectionAndTheEducationRule() throws Exception {
		assertThat(completeness.check(applicant.id(), ProgramProfile.RESIDENCY).missing())
			.extracting(ProfileCompleteness.Missing::messageKey)
			.contains("profile.missing.basic", "profile.missing.contact", "profile.missing.first-education",
					"profile.missing.highest-education", "profile.missing.work-unit-answer");

		fillBasicAndContact();
		saveEducation("2012-09", "2015-07", "福建医科大学", "JUNIOR_COLLEGE", true, false, false)
			.andExpect(redirectedUrl("/profile/education"));
		saveEducation("2015-09", "2017-07", "福建医科大学", "BACHELOR", false, true, false);
		assertThat(completeness.check(applicant.id(), ProgramProfile.RESIDENCY).missing())
			.filteredOn(item -> item.section() != ProgramProfile.Section.DOCUMENTS)
			.extracting(ProfileCompleteness.Missing::messageKey)
			.containsExactly("profile.missing.bachelor-education", "profile.missing.work-unit-answer");

		long bachelor = jdbc.sql("SELECT id FROM education_record WHERE account_id = :a AND level = 'BACHELOR'")
			.param("a", applicant.id().value()).query(Long.class).single();
		perform(post("/profile/education/" + bachelor).param("startMonth", "2015-09").param("endMonth", "2017-07")
			.param("school", "福建医科大学").param("major", "临床医学").param("level", "BACHELOR").param("degree", "BACHELOR")
			.param("studyForm", "FULL_TIME").param("highestEducation", "true").param("bachelorEducation", "true"));
		perform(post("/profile/work/has-unit").param("hasWorkUnit", "false"));
		assertThat(completeness.check(applicant.id(), ProgramProfile.RESIDENCY).incompleteSections())
			.containsExactly(ProgramProfile.Section.DOCUMENTS);
		assertThat(completeness.meetsWorkUnitRule(applicant.id(), false)).isTrue();
		assertThat(completeness.meetsWorkUnitRule(applicant.id(), true)).isFalse();
		perform(get("/profile")).andExpect(content().string(Matchers.containsString("请填写是否取得医师资格证书")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("请选择是否有工作单位"))));
	}

	@Test
	void genderAndBirthDateComeFromTheResidentId() throws Exception {
		fillBasicAndContact();
		String id = applicant.idNumber();
		String expectedBirth = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
		assertThat(jdbc.sql("SELECT birth_date FROM applicant_profile WHERE account_id = :a")
			.param("a", applicant.id().value()).query(String.class).single()).isEqualTo(expectedBirth);
		assertThat(jdbc.sql("SELECT gender FROM applicant_profile WHERE account_id = :a")
			.param("a", applicant.id().value()).query(String.class).single())
			.isEqualTo((id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
	}

	@Test
	void badInputIsShownBesideTheFieldAndNothingIsSaved() throws Exception {
		perform(post("/profile/contact").param("email", "not-an-email").param("address", "<script>alert(1)</script>")
			.param("postalCode", "35").param("emergencyName", "李".repeat(10_000)).param("emergencyPhone", "😀"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("请输入有效的电子邮箱")))
			.andExpect(content().string(Matchers.containsString("邮政编码为6位数字")))
			.andExpect(content().string(Matchers.containsString("包含不允许的字符")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)</script>"))));
		perform(post("/profile/basic").param("ethnicity", "99").param("politicalStatus", "MASSES")
			.param("maritalStatus", "UNMARRIED").param("householdRegistration", "福建省福州市").param("xuexinCode", "123"))
			.andExpect(content().string(Matchers.containsString("12位学信网在线验证码")));
		perform(post("/profile/education/new").param("startMonth", "2015-09").param("endMonth", "2012-07")
			.param("school", "福建医科大学").param("major", "临床医学").param("level", "BACHELOR").param("degree", "NONE")
			.param("studyForm", "FULL_TIME"))
			.andExpect(content().string(Matchers.containsString("结束时间不能早于开始时间")));
		assertThat(jdbc.sql("SELECT email FROM applicant_profile WHERE account_id = :a")
			.param("a", applicant.id().value()).query(String.class).optional().orElse(null)).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM education_record WHERE account_id = :a")
			.param("a", applicant.id().value()).query(Integer.class).single()).isZero();
	}

	@Test
	void aFrozenProfileIsReadOnlyAndChangesAfterReopeningAreRecorded() throws Exception {
		fillBasicAndContact();
		profiles.freeze(applicant.id());
		perform(get("/profile/contact")).andExpect(content().string(Matchers.containsString("正在审核中")));
		perform(post("/profile/contact").param("email", "new@example.cn").param("address", "福州市鼓楼区")
			.param("postalCode", "350001").param("emergencyName", "孙强").param("emergencyPhone", "13900000000"))
			.andExpect(content().string(Matchers.containsString("正在审核中")));
		assertThat(email()).isEqualTo("sun@example.cn");

		profiles.reopen(applicant.id());
		perform(post("/profile/contact").param("email", "new@example.cn").param("address", "福建省福州市鼓楼区八一七北路")
			.param("postalCode", "350001").param("emergencyName", "孙强").param("emergencyPhone", "13900000000"))
			.andExpect(redirectedUrl("/profile"));
		assertThat(email()).isEqualTo("new@example.cn");
		assertThat(profiles.changesOf(applicant.id()))
			.extracting(ApplicantProfiles.ProfileChange::field, ApplicantProfiles.ProfileChange::oldValue,
					ApplicantProfiles.ProfileChange::newValue, ApplicantProfiles.ProfileChange::changedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("email", "sun@example.cn", "new@example.cn",
					applicant.loginName()));
	}

	@Test
	void aCurrentUnitFromTheDictionaryGivesTheProfileItsScope() throws Exception {
		long hospital = jdbc.sql("SELECT id FROM institution WHERE code = '35012205'").query(Long.class).single();
		String hospitalPath = jdbc.sql("SELECT path FROM institution WHERE id = :id").param("id", hospital)
			.query(String.class).single();
		perform(post("/profile/work/new").param("unitId", String.valueOf(hospital)).param("unitName", "随便写")
			.param("department", "内科").param("post", "住院医师").param("startMonth", "2020-08").param("currentUnit", "true"))
			.andExpect(redirectedUrl("/profile/work"));
		assertThat(jdbc.sql("SELECT unit_name FROM work_record WHERE account_id = :a").param("a", applicant.id().value())
			.query(String.class).single()).isEqualTo("连江县医院");
		assertThat(profiles.scopePathOf(applicant.id())).contains(hospitalPath);
		assertThat(completeness.meetsWorkUnitRule(applicant.id(), true)).isTrue();
	}

	@Test
	void aNewMobileNumberNeedsItsSmsCodeAndThePassword() throws Exception {
		String newPhone = cn.medrecruit.TestData.uniquePhone();
		perform(post("/sms/codes").param("newPhone", newPhone).param("purpose", "CHANGE_PHONE"))
			.andExpect(content().string(Matchers.containsString("验证码已发送")));
		String code = jdbc.sql("SELECT message FROM sms_outbox WHERE phone_masked = :m ORDER BY id DESC LIMIT 1")
			.param("m", cn.medrecruit.shared.Masking.maskPhone(newPhone)).query(String.class).single()
			.replaceAll("\\D*(\\d{6}).*", "$1");
		perform(post("/profile/contact/phone").param("newPhone", newPhone).param("smsCode", code)
			.param("password", "Wrong#Pass1"))
			.andExpect(content().string(Matchers.containsString("登录密码不正确")));
		perform(post("/profile/contact/phone").param("newPhone", newPhone).param("smsCode", code)
			.param("password", TestApplicants.PASSWORD))
			.andExpect(redirectedUrl("/profile/contact"));
		assertThat(jdbc.sql("SELECT phone_masked FROM account WHERE id = :a").param("a", applicant.id().value())
			.query(String.class).single()).isEqualTo(cn.medrecruit.shared.Masking.maskPhone(newPhone));
	}

	@Test
	void staffCannotOpenTheApplicantPages() throws Exception {
		mvc.perform(get("/profile").with(user(users.loadUserByUsername("350122")))).andExpect(status().isForbidden());
	}

	private void fillBasicAndContact() throws Exception {
		perform(post("/profile/basic").param("ethnicity", "01").param("politicalStatus", "CYL_MEMBER")
			.param("maritalStatus", "UNMARRIED").param("householdRegistration", "福建省福州市").param("xuexinCode", "无"))
			.andExpect(redirectedUrl("/profile"));
		perform(post("/profile/contact").param("email", "sun@example.cn").param("address", "福建省福州市鼓楼区八一七北路")
			.param("postalCode", "350001").param("emergencyName", "孙强").param("emergencyPhone", "13900000000"))
			.andExpect(redirectedUrl("/profile"));
	}

	private ResultActions saveEducation(String start, String end, String school, String level, boolean first,
			boolean highest, boolean bachelor) throws Exception {
		return perform(post("/profile/education/new").param("startMonth", start).param("endMonth", end)
			.param("school", school).param("major", "临床医学").param("level", level).param("degree", "NONE")
			.param("studyForm", "FULL_TIME").param("firstEducation", String.valueOf(first))
			.param("highestEducation", String.valueOf(highest)).param("bachelorEducation", String.valueOf(bachelor)));
	}

	private String email() {
		return jdbc.sql("SELECT email FROM applicant_profile WHERE account_id = :a").param("a", applicant.id().value())
			.query(String.class).single();
	}

	private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(applicant.principal())).with(csrf()));
	}
}

package cn.medrecruit.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.TestImages;

@IntegrationTest
class DocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApplicants applicants;

	@Autowired
	ApplicantProfiles profiles;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProfileCompleteness completeness;

	TestApplicants.Registered applicant;

	@BeforeEach
	void applicantAtLianjiangHospital() throws Exception {
		applicant = applicants.register("钱进");
		long hospital = jdbc.sql("SELECT id FROM institution WHERE code = '35012205'").query(Long.class).single();
		mvc.perform(post("/profile/work/new").with(user(applicant.principal())).with(csrf())
			.param("unitId", String.valueOf(hospital)).param("unitName", "连江县医院").param("startMonth", "2020-08")
			.param("currentUnit", "true"));
	}

	@Test
	void theOwnerAndReviewersWhoseSubtreeHoldsTheUnitSeeTheImageNobodyElse() throws Exception {
		upload("ID_FRONT", "id.jpg", TestImages.certificateJpeg("ID")).andExpect(flash().attributeExists("flashSuccess"));
		String url = "/files/" + latestFile();

		mvc.perform(get(url).with(user(applicant.principal())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		mvc.perform(get(url).with(user(users.loadUserByUsername("35012205")))).andExpect(status().isOk());
		mvc.perform(get(url).with(user(users.loadUserByUsername("350122")))).andExpect(status().isOk());
		mvc.perform(get(url).with(user(users.loadUserByUsername("350000")))).andExpect(status().isOk());
		mvc.perform(get(url).with(user(users.loadUserByUsername("35000101")))).andExpect(status().isNotFound());
		mvc.perform(get(url).with(user(users.loadUserByUsername("zhangsan")))).andExpect(status().isNotFound());
		mvc.perform(get(url + "/thumbnail").with(user(users.loadUserByUsername("lisi")))).andExpect(status().isNotFound());
	}

	@Test
	void aSingleSlotKeepsOnlyTheNewestFile() throws Exception {
		upload("ID_FRONT", "first.jpg", TestImages.certificateJpeg("ONE"));
		long first = latestFile();
		upload("ID_FRONT", "second.jpg", TestImages.certificateJpeg("TWO"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM profile_document WHERE account_id = :a AND slot = 'ID_FRONT'")
			.param("a", applicant.id().value()).query(Integer.class).single()).isEqualTo(1);
		mvc.perform(get("/files/" + first).with(user(applicant.principal()))).andExpect(status().isNotFound());
	}

	@Test
	void refusalsSayWhyAndStoreNothing() throws Exception {
		int before = storedFiles();
		upload("ID_FRONT", "page.jpg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
			.andExpect(flash().attribute("flashError", Matchers.startsWith("身份证件正面：")));
		upload("PHOTO", "small.png", TestImages.certificateJpeg("SMALL"))
			.andExpect(flash().attribute("flashError", Matchers.containsString("150KB 至 300KB")));
		upload("PHOTO", "photo.bmp", TestImages.photoBmp())
			.andExpect(flash().attribute("flashError", Matchers.startsWith("个人照片：")));
		upload("PHOTO", "blue.png", TestImages.bluePhotoPng())
			.andExpect(flash().attribute("flashError", Matchers.containsString("纯白背景")));
		upload("OTHER", "other.jpg", TestImages.certificateJpeg("OTHER"))
			.andExpect(flash().attribute("flashError", Matchers.containsString("请填写备注说明")));
		profiles.freeze(applicant.id());
		upload("ID_BACK", "back.jpg", TestImages.certificateJpeg("BACK"))
			.andExpect(flash().attribute("flashError", Matchers.containsString("正在审核中")));
		profiles.reopen(applicant.id());
		assertThat(storedFiles()).isEqualTo(before);
	}

	@Test
	void documentsCountTowardsCompleteness() throws Exception {
		assertThat(missingDocuments()).contains("profile.missing.document.PHOTO", "profile.missing.document.ID_FRONT",
				"profile.missing.document.ID_BACK");
		upload("PHOTO", "photo.png", TestImages.photoPng());
		upload("ID_FRONT", "front.jpg", TestImages.certificateJpeg("FRONT"));
		upload("ID_BACK", "back.jpg", TestImages.certificateJpeg("BACK"));
		assertThat(missingDocuments()).isEmpty();
	}

	private java.util.List<String> missingDocuments() {
		return completeness.check(applicant.id(), ProgramProfile.RESIDENCY).missing().stream()
			.filter(item -> item.section() == ProgramProfile.Section.DOCUMENTS)
			.map(ProfileCompleteness.Missing::messageKey)
			.toList();
	}

	private ResultActions upload(String slot, String name, byte[] content) throws Exception {
		return mvc.perform(multipart("/profile/documents").file(new MockMultipartFile("file", name, null, content))
			.param("slot", slot)
			.with(user((UserDetails) applicant.principal()))
			.with(csrf()));
	}

	private long latestFile() {
		return jdbc.sql("SELECT MAX(file_id) FROM profile_document WHERE account_id = :a")
			.param("a", applicant.id().value()).query(Long.class).single();
	}

	private int storedFiles() {
		return jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE owner_account_id = :a")
			.param("a", applicant.id().value()).query(Integer.class).single();
	}
}

package cn.medrecruit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.PdfText;
import cn.medrecruit.TestApplicants;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.PersonType;
@IntegrationTest
class ApplicationFormTests extends ApplicationTestSupport {

	@Autowired
	UserDetailsService users;

	@Test
	void theSubmittedApplicationPrintsAsAnA4FormWithChineseTextThatCanBeCopied() throws Exception {
		String batchName = "打印测试批次" + System.nanoTime();
		long batch = fixtures.openBatch(batchName, clock.instant());
		fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 5);
		TestApplicants.Registered applicant = fixtures.completeApplicant("欧阳打印", false);
		long id = applications.start(applicant.id(), new BatchId(batch), applicant.principal()).id();

		mvc.perform(get("/applications/" + id + "/form.pdf").with(user(applicant.principal())))
			.andExpect(status().isNotFound());

		applications.choosePersonType(applicant.id(), id, PersonType.SOCIAL_RECRUIT);
		applications.chooseSpecialty(applicant.id(), id, fixtures.specialty("R01"));
		applications.chooseBases(applicant.id(), id, List.of(fixtures.institution(ApplicationFixtures.BASE)), true);
		assertThat(applications.submit(applicant.id(), id, applicant.principal())).isTrue();

		byte[] pdf = mvc.perform(get("/applications/" + id + "/form.pdf").with(user(applicant.principal())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", Matchers.containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "pdf"))
			.resolve("application-form.pdf"), pdf);
		String text = PdfText.of(pdf);
		assertThat(text).contains("报名表", batchName, "欧阳打印", "福建医科大学附属第一医院", "面向社会招收住院医师",
				"第1志愿", "报名号");

		mvc.perform(get("/applications/" + id + "/form.pdf").with(user(users.loadUserByUsername("zhangsan"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/applications/" + id + "/form.pdf").with(user(users.loadUserByUsername("350122"))))
			.andExpect(status().isForbidden());
	}
}

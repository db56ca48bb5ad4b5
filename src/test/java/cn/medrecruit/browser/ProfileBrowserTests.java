package cn.medrecruit.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.medrecruit.TestApplicants;
import cn.medrecruit.TestImages;

class ProfileBrowserTests extends BrowserTest {

	private static final Path UPLOADS = Paths.get("target", "test-uploads");

	@Autowired
	TestApplicants applicants;

	@Test
	void anApplicantFillsEverySectionUploadsTheDocumentsAndTheProfileTurnsComplete() {
		TestApplicants.Registered applicant = applicants.register("吴敏");
		login(applicant.loginName(), TestApplicants.PASSWORD);
		page.click("#main-menu >> text=个人信息");
		assertThat(page.locator("#profile-completeness")).containsText("待完善");

		page.click("#profile-sections >> text=基本信息");
		page.selectOption("#ethnicity", "01");
		page.selectOption("#politicalStatus", "CYL_MEMBER");
		page.selectOption("#maritalStatus", "UNMARRIED");
		page.fill("#householdRegistration", "福建省福州市鼓楼区");
		page.fill("#xuexinCode", "090888693519");
		page.click("#profile-save");
		assertThat(page.locator(".alert-success")).containsText("已保存");

		page.click("#profile-sections >> text=联系信息");
		page.fill("#email", "wumin@example.cn");
		page.fill("#address", "福建省福州市鼓楼区八一七北路134号");
		page.fill("#postalCode", "350001");
		page.fill("#emergencyName", "吴强");
		page.fill("#emergencyPhone", "13905910001");
		page.click("#profile-save");
		assertThat(page.locator(".alert-success")).containsText("已保存");

		page.click("#profile-sections >> text=教育信息");
		page.click("#education-add");
		page.fill("#startMonth", "2014-09");
		page.fill("#endMonth", "2019-07");
		page.selectOption("#school", "福建医科大学");
		page.fill("#major", "临床医学");
		page.selectOption("#level", "BACHELOR");
		page.selectOption("#degree", "BACHELOR");
		page.check("#firstEducation1");
		page.check("#highestEducation1");
		page.click("#profile-save");
		assertThat(page.locator("#education-records")).containsText("福建医科大学");

		page.click("#profile-sections >> text=工作信息");
		page.click("#has-work-unit button[value=false]");
		assertThat(page.locator(".alert-success")).containsText("已保存");

		page.click("#profile-sections >> text=执业信息");
		page.check("#hasPhysicianQualification2");
		page.check("#hasPracticeCertificate2");
		page.check("#hasNurseCertificate2");
		page.click("#profile-save");
		assertThat(page.locator(".alert-success")).containsText("已保存");

		page.click("#profile-sections >> text=证件材料");
		upload("PHOTO", TestImages.write(UPLOADS, "photo.png", TestImages.photoPng()));
		upload("ID_FRONT", TestImages.write(UPLOADS, "id-front.jpg", TestImages.certificateJpeg("ID FRONT")));
		upload("ID_BACK", TestImages.write(UPLOADS, "id-back.jpg", TestImages.certificateJpeg("ID BACK")));
		upload("DIPLOMA", TestImages.write(UPLOADS, "diploma.jpg", TestImages.certificateJpeg("DIPLOMA")));
		upload("DEGREE_CERTIFICATE", TestImages.write(UPLOADS, "degree.jpg", TestImages.certificateJpeg("DEGREE")));
		assertThat(page.locator("[id^=slot-PHOTO] img")).isVisible();

		page.locator("[id^=slot-PHOTO] a.lightbox").click();
		assertThat(page.locator("#lightbox-image")).isVisible();
		page.click("#lightbox .btn-close");
		assertThat(page.locator("#lightbox")).isHidden();

		page.click("#profile-sections >> text=概览");
		assertThat(page.locator("#profile-completeness")).containsText("信息已完整");

		page.setViewportSize(375, 812);
		page.reload();
		screenshot("profile-phone");
		org.assertj.core.api.Assertions
			.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
			.isTrue();
	}

	@Test
	void theCurrentUnitIsPickedFromTheUnitDictionary() {
		TestApplicants.Registered applicant = applicants.register("郑华");
		login(applicant.loginName(), TestApplicants.PASSWORD);
		page.navigate(url("/profile/work"));
		page.click("#has-work-unit button[value=true]");
		page.click("#work-add");
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.locator("#unit-search").pressSequentially("省立金山");
		page.locator("#unit-results-list li", new com.microsoft.playwright.Page.LocatorOptions().setHasText("福建省立金山医院"))
			.click();
		assertThat(page.locator("#unitName")).hasValue("福建省立金山医院");
		page.fill("#department", "心内科");
		page.fill("#post", "住院医师");
		page.fill("#startMonth", "2021-08");
		page.click("#profile-save");
		assertThat(page.locator("#work-records")).containsText("福建省立金山医院");
		assertThat(page.locator("#work-records")).containsText("当前单位");
	}

	private void upload(String slot, Path file) {
		Locator form = page.locator("[id^=slot-" + slot + "] form.document-upload");
		form.locator("input[type=file]").setInputFiles(file);
		form.locator("button[type=submit]").click();
		assertThat(page.locator(".alert-success")).containsText("已上传");
	}
}

package cn.medrecruit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.identity.CurrentUser;

/**
 * {@code GET /files/{id}} and its thumbnail: the owner, a viewer admitted by a {@link FileAccessRule}, and everyone
 * else. The rule in this test admits the city health commission account {@code 350100} to every applicant's files.
 */
@IntegrationTest
@Import(FileServingTests.CityStaffMaySeeApplicants.class)
class FileServingTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class CityStaffMaySeeApplicants {

		@Bean
		FileAccessRule cityStaffMaySeeApplicants() {
			return (viewer, owner) -> viewer.isStaff() && "350100".equals(viewer.loginName());
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	StoredFiles files;

	@Autowired
	FileRows rows;

	@Autowired
	FileStore store;

	@Autowired
	UserDetailsService users;

	CurrentUser zhangsan;
	CurrentUser lisi;
	CurrentUser cityStaff;
	CurrentUser unitStaff;

	@BeforeEach
	void signIn() {
		zhangsan = principal("zhangsan");
		lisi = principal("lisi");
		cityStaff = principal("350100");
		unitStaff = principal("35012205");
	}

	@Test
	void theOwnerGetsTheImageWithHeadersThatKeepItAnImage() throws Exception {
		StoredFile file = files.store(zhangsan.getAccountId(), "身份证 正面.jpg", TestFiles.jpeg(320, 240), UploadPolicy.images());

		MockHttpServletResponse response = mvc.perform(get(file.url()).with(user(zhangsan)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Content-Length", String.valueOf(file.size())))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition",
					"inline; filename*=UTF-8''%E8%BA%AB%E4%BB%BD%E8%AF%81%20%E6%AD%A3%E9%9D%A2.jpg"))
			.andExpect(header().string("Cache-Control", "private, max-age=3600"))
			.andExpect(header().string("ETag", "\"" + file.sha256() + "\""))
			.andReturn().getResponse();

		assertThat(response.getHeaders("Content-Security-Policy")).containsExactly("default-src 'none'; sandbox");
		assertThat(response.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(response.getHeaders("Cache-Control")).hasSize(1);
		assertThat(response.getContentAsByteArray()).isEqualTo(stored(file));
	}

	@Test
	void anotherApplicantGets404LikeForAFileThatDoesNotExist() throws Exception {
		StoredFile file = files.store(zhangsan.getAccountId(), "a.jpg", TestFiles.jpeg(64, 64), UploadPolicy.images());

		mvc.perform(get(file.url()).with(user(lisi))).andExpect(status().isNotFound())
			.andExpect(header().doesNotExist("Content-Disposition"));
		mvc.perform(get(file.thumbnailUrl()).with(user(lisi))).andExpect(status().isNotFound());
		mvc.perform(get("/files/987654321").with(user(lisi))).andExpect(status().isNotFound());
		mvc.perform(get("/files/987654321").with(user(zhangsan))).andExpect(status().isNotFound());
	}

	@Test
	void staffAdmittedByARuleGetTheFileOthersGet404() throws Exception {
		StoredFile file = files.store(zhangsan.getAccountId(), "a.png", TestFiles.png(64, 64), UploadPolicy.images());

		mvc.perform(get(file.url()).with(user(cityStaff))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(content().bytes(stored(file)));
		mvc.perform(get(file.thumbnailUrl()).with(user(cityStaff))).andExpect(status().isOk());
		mvc.perform(get(file.url()).with(user(unitStaff))).andExpect(status().isNotFound());
		mvc.perform(get(file.thumbnailUrl()).with(user(unitStaff))).andExpect(status().isNotFound());
	}

	@Test
	void theThumbnailIsAJpeg() throws Exception {
		StoredFile file = files.store(zhangsan.getAccountId(), "scan.bmp", TestFiles.bmp(480, 360), UploadPolicy.images());

		MockHttpServletResponse response = mvc.perform(get(file.thumbnailUrl()).with(user(zhangsan)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Content-Disposition", "inline; filename*=UTF-8''scan-thumbnail.jpg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn().getResponse();

		assertThat(response.getHeaders("Content-Security-Policy")).containsExactly("default-src 'none'; sandbox");
		assertThat(FileKind.detect(response.getContentAsByteArray())).contains(FileKind.JPEG);
	}

	@Test
	void aPdfIsADownloadAndHasNoThumbnail() throws Exception {
		StoredFile file = files.store(zhangsan.getAccountId(), "证明.pdf", TestFiles.pdf(), UploadPolicy.imagesOrPdf());

		mvc.perform(get(file.url()).with(user(zhangsan)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", "attachment; filename*=UTF-8''%E8%AF%81%E6%98%8E.pdf"))
			.andExpect(header().string("Content-Security-Policy", "default-src 'none'; sandbox"))
			.andExpect(content().bytes(TestFiles.pdf()));
		mvc.perform(get("/files/" + file.id().value() + "/thumbnail").with(user(zhangsan))).andExpect(status().isNotFound());
	}

	@Test
	void anUnchangedFileIsAnswered304() throws Exception {
		StoredFile file = files.store(zhangsan.getAccountId(), "a.jpg", TestFiles.jpeg(32, 32), UploadPolicy.images());

		mvc.perform(get(file.url()).with(user(zhangsan)).header("If-None-Match", "\"" + file.sha256() + "\""))
			.andExpect(status().isNotModified())
			.andExpect(content().bytes(new byte[0]));
		mvc.perform(get(file.url()).with(user(lisi)).header("If-None-Match", "\"" + file.sha256() + "\""))
			.andExpect(status().isNotFound());
	}

	@Test
	void visitorsAreSentToTheLoginPage() throws Exception {
		StoredFile file = files.store(zhangsan.getAccountId(), "a.jpg", TestFiles.jpeg(32, 32), UploadPolicy.images());

		mvc.perform(get(file.url())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aMissingObjectIsA404() throws Exception {
		StoredFile file = files.store(zhangsan.getAccountId(), "a.jpg", TestFiles.jpeg(32, 32), UploadPolicy.images());
		store.delete(rows.find(file.id().value()).orElseThrow().storageKey());

		mvc.perform(get(file.url()).with(user(zhangsan))).andExpect(status().isNotFound());
	}

	@Test
	void contentDispositionNamesArePercentEncodedUtf8() {
		assertThat(FileController.encode("张三 照片(1).jpg")).isEqualTo("%E5%BC%A0%E4%B8%89%20%E7%85%A7%E7%89%87%281%29.jpg");
		assertThat(FileController.encode("a\"b;c\r\n.pdf")).isEqualTo("a%22b%3Bc%0D%0A.pdf");
	}

	private CurrentUser principal(String loginName) {
		return (CurrentUser) users.loadUserByUsername(loginName);
	}

	private byte[] stored(StoredFile file) throws IOException {
		try (InputStream in = store.open(rows.find(file.id().value()).orElseThrow().storageKey())) {
			return in.readAllBytes();
		}
	}
}

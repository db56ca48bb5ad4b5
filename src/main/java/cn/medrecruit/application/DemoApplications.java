package cn.medrecruit.application;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.profile.ApplicantDocuments;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.profile.Choices;
import cn.medrecruit.profile.DocumentSlot;
import cn.medrecruit.profile.ProfileSections;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.OpenBatch;
import cn.medrecruit.program.PersonType;
import cn.medrecruit.program.Program;
import cn.medrecruit.review.RequestKind;
import cn.medrecruit.review.ReviewRequest;
import cn.medrecruit.review.ReviewState;
import cn.medrecruit.review.Reviews;
import cn.medrecruit.shared.DemoMode;

/**
 * Submitted applications for the demo, so a newcomer can try the review at once: four applicants of 连江县医院 (the
 * identity module's demo accounts wangwu, zhaoliu, sunqi, zhoulan) fill in their profiles with generated certificate
 * images and apply to the demo's exam batch through the same services as the pages; then the demo reviewers holding
 * each stage approve them on, so that one waits at 单位审查 (连江县医院 has no review rights: 连江县卫生健康局 holds it),
 * one at 连江县报名点 and two at 福州考点. An applicant who already applied is left as they are, so a restart changes
 * nothing.
 */
@Component
@Order(40)
class DemoApplications implements ApplicationRunner {

	/** The exam batch the program module's demo opens. */
	static final String EXAM_BATCH = "考试预报名（演示）";

	private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

	private static final String UNIT = "35012205";

	private static final String BASE = "35000101";

	/** Each applicant and the stage (index from 0) their application is approved on to after it is submitted. */
	private record Demo(String login, int stage) {
	}

	private static final List<Demo> DEMOS = List.of(new Demo("wangwu", 0), new Demo("zhaoliu", 1),
			new Demo("sunqi", 2), new Demo("zhoulan", 2));

	/** The demo's staff accounts that may hold a stage of the exam chain. */
	private static final List<String> REVIEWERS = List.of("350122", UNIT, "350122BM", "3501KD", "35KQ", "350000");

	private final DemoMode demo;
	private final Batches batches;
	private final Applications applications;
	private final ApplicantProfiles profiles;
	private final ApplicantDocuments documents;
	private final Reviews reviews;
	private final UserDetailsService users;
	private final Clock clock;

	DemoApplications(DemoMode demo, Batches batches, Applications applications, ApplicantProfiles profiles,
			ApplicantDocuments documents, Reviews reviews, UserDetailsService users, Clock clock) {
		this.demo = demo;
		this.batches = batches;
		this.applications = applications;
		this.profiles = profiles;
		this.documents = documents;
		this.reviews = reviews;
		this.users = users;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.isActive()) {
			return;
		}
		Optional<BatchView> batch = batches.openForRegistration(clock.instant())
			.stream()
			.filter(open -> open.program() == Program.QUALIFICATION_EXAM && EXAM_BATCH.equals(open.name()))
			.map(OpenBatch::id)
			.map(batches::find)
			.flatMap(Optional::stream)
			.findFirst();
		if (batch.isEmpty()) {
			return;
		}
		int submitted = 0;
		for (Demo one : DEMOS) {
			Optional<CurrentUser> applicant = user(one.login());
			if (applicant.isEmpty()
					|| applications.findFor(applicant.get().getId(), batch.get().id()).isPresent()) {
				continue;
			}
			try {
				apply(applicant.get(), batch.get(), one.stage());
				submitted++;
			}
			catch (RuntimeException failed) {
				// the demo starts anyway; the applicant can finish by hand
				log.warn("Demo: could not submit the exam application of {}: {}", one.login(), failed.toString());
			}
		}
		if (submitted > 0) {
			log.info("Demo: submitted {} exam applications into the review chain", submitted);
		}
	}

	private void apply(CurrentUser applicant, BatchView batch, int stage) {
		fillProfile(applicant);
		ApplicationView draft = applications.start(applicant.getId(), batch.id(), applicant);
		applications.choosePersonType(applicant.getId(), draft.id(), PersonType.EMPLOYED);
		applications.chooseSpecialty(applicant.getId(), draft.id(), batch.specialties().get(0).id());
		applications.chooseBases(applicant.getId(), draft.id(), List.of(institution(BASE)), null);
		applications.submit(applicant.getId(), draft.id(), applicant);
		ReviewRequest request = reviews.find(RequestKind.APPLICATION, draft.id()).orElseThrow();
		while (request.state() == ReviewState.PENDING && request.stageIndex() < stage) {
			long holder = request.holderInstitutionId();
			Optional<CurrentUser> reviewer = REVIEWERS.stream()
				.map(this::user)
				.flatMap(Optional::stream)
				.filter(candidate -> candidate.institutionId() != null && candidate.institutionId() == holder)
				.findFirst();
			if (reviewer.isEmpty()) {
				return;
			}
			reviews.approve(reviewer.get(), request.id(), request.version(), null);
			request = reviews.find(RequestKind.APPLICATION, draft.id()).orElseThrow();
		}
	}

	private void fillProfile(CurrentUser applicant) {
		profiles.saveBasic(applicant.getId(), new ProfileSections.Basic(null, null, "01",
				Choices.PoliticalStatus.CYL_MEMBER, Choices.MaritalStatus.UNMARRIED, "福建省福州市连江县", "无"),
				applicant);
		profiles.saveContact(applicant.getId(), new ProfileSections.Contact("demo@example.cn", "福建省福州市连江县凤城镇",
				"350500", "林海", "13900000001"), applicant);
		long education = profiles.saveEducation(applicant.getId(), null,
				new ProfileSections.Education(LocalDate.of(2010, 9, 1), LocalDate.of(2015, 7, 1), "福建医科大学", false,
						"临床医学", Choices.EducationLevel.BACHELOR, Choices.Degree.NONE, Choices.StudyForm.FULL_TIME,
						null, null, true, true, true),
				applicant);
		profiles.saveWork(applicant.getId(), null, new ProfileSections.Work(institution(UNIT), "连江县医院", "内科",
				"住院医师", null, LocalDate.of(2015, 8, 1), null, true), applicant);
		profiles.savePractice(applicant.getId(), new ProfileSections.Practice(false, null, null, false, null, null,
				null, null, false, null, null), applicant);
		documents.upload(applicant.getId(), DocumentSlot.PHOTO, null, null, "photo.jpg", photo(), applicant);
		documents.upload(applicant.getId(), DocumentSlot.ID_FRONT, null, null, "id-front.jpg",
				certificate("居民身份证（人像面）"), applicant);
		documents.upload(applicant.getId(), DocumentSlot.ID_BACK, null, null, "id-back.jpg",
				certificate("居民身份证（国徽面）"), applicant);
		documents.upload(applicant.getId(), DocumentSlot.DIPLOMA, education, null, "diploma.jpg",
				certificate("毕业证书"), applicant);
	}

	private long institution(String adminLogin) {
		return user(adminLogin).map(CurrentUser::institutionId).orElseThrow();
	}

	private Optional<CurrentUser> user(String login) {
		try {
			return Optional.of((CurrentUser) users.loadUserByUsername(login));
		}
		catch (UsernameNotFoundException missing) {
			return Optional.empty();
		}
	}

	// ------------------------------------------------------------------------------------------ images

	/** A certificate-like image with its title, a frame and a few lines. */
	private static byte[] certificate(String title) {
		BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(250, 246, 236));
		g.fillRect(0, 0, 800, 500);
		g.setColor(new Color(150, 40, 40));
		g.drawRect(20, 20, 760, 460);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
		g.drawString(title, 60, 100);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
		for (int line = 0; line < 6; line++) {
			g.fillRect(60, 160 + line * 45, 400 + (line * 53) % 250, 6);
		}
		g.dispose();
		return jpeg(image, 0.9f);
	}

	/**
	 * A passport photo on white: a textured figure in the middle, sized so that the file falls within the photo's
	 * size window (150–300 KB by default).
	 */
	private static byte[] photo() {
		Random random = new Random(42);
		BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 800; y++) {
			for (int x = 0; x < 600; x++) {
				boolean figure = x > 120 && x < 480 && y > 160 && y < 800;
				int rgb = 0xFFFFFF;
				if (figure) {
					int shade = 90 + random.nextInt(120);
					rgb = (shade << 16) | ((shade * 3 / 4) << 8) | (shade / 2);
				}
				image.setRGB(x, y, rgb);
			}
		}
		byte[] best = null;
		for (float quality = 0.95f; quality > 0.3f; quality -= 0.05f) {
			best = jpeg(image, quality);
			if (best.length <= 280 * 1024) {
				break;
			}
		}
		return best;
	}

	private static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}
}

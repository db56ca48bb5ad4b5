package cn.medrecruit.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.MedRecruitApplication;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.PersonType;
import cn.medrecruit.shared.Actor;
import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

/**
 * The submit step under load (run by hand, not by the suite): seeds applicants with complete profiles and a draft
 * each, then lets {@code threads} applicants submit at once, every one to the same base and specialty, and prints
 * throughput, p50/p99 latency and whether the plan's applied count is exact. Arguments: applicants, threads.
 */
public final class SubmitBenchmark {

	private SubmitBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MedRecruitApplication.class)
			.profiles("demo")
			.run("--server.port=0", "--medrecruit.data-dir=target/bench-data",
					"--medrecruit.demo.force-on-external-database=true", "--medrecruit.audit.seal-interval=1h",
					"--logging.level.root=WARN")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Applications applications = context.getBean(Applications.class);
			ApplicationFixtures fixtures = new ApplicationFixtures(jdbc, null, null);
			long batch = fixtures.openBatch("压力测试批次" + System.nanoTime(), Instant.now());
			fixtures.approvedPlan(batch, ApplicationFixtures.BASE, "R01", 999);
			long base = fixtures.institution(ApplicationFixtures.BASE);
			long specialty = fixtures.specialty("R01");

			long seedStart = System.nanoTime();
			List<long[]> warmUp = drafts(applications, seedApplicants(context, applicants / 2), batch, specialty, base);
			List<long[]> drafts = drafts(applications, seedApplicants(context, applicants), batch, specialty, base);
			System.out.printf("seeded %d applicants with drafts in %.1f s%n", warmUp.size() + drafts.size(),
					(System.nanoTime() - seedStart) / 1e9);
			// the first submits run on a cold JVM: a round that is not measured
			submitAll(applications, warmUp, threads);
			Result result = submitAll(applications, drafts, threads);
			int applied = fixtures.applied(batch, ApplicationFixtures.BASE, "R01");
			long[] latencies = result.latencies();
			int submitted = warmUp.size() + result.submitted();
			System.out.printf("%d submits by %d concurrent applicants in %.2f s: %.0f/s, p50 %.1f ms, p99 %.1f ms, "
					+ "max %.1f ms; submitted %d, plan applied count %d (%s)%n", drafts.size(), threads, result.seconds(),
					drafts.size() / result.seconds(), latencies[latencies.length / 2] / 1e6,
					latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6, submitted,
					applied, applied == submitted ? "exact" : "WRONG");
		}
	}

	private record Result(long[] latencies, int submitted, double seconds) {
	}

	private static List<long[]> drafts(Applications applications, List<Long> accounts, long batch, long specialty,
			long base) {
		List<long[]> drafts = new ArrayList<>();
		for (long account : accounts) {
			AccountId id = new AccountId(account);
			long application = applications.start(id, new BatchId(batch), actor(account)).id();
			applications.choosePersonType(id, application, PersonType.SOCIAL_RECRUIT);
			applications.chooseSpecialty(id, application, specialty);
			applications.chooseBases(id, application, List.of(base), true);
			drafts.add(new long[] { account, application });
		}
		return drafts;
	}

	private static Result submitAll(Applications applications, List<long[]> drafts, int threads) throws Exception {
		long[] latencies = new long[drafts.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger submitted = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < drafts.size(); i = next.getAndIncrement()) {
					long[] draft = drafts.get(i);
					long began = System.nanoTime();
					if (applications.submit(new AccountId(draft[0]), draft[1], actor(draft[0]))) {
						submitted.incrementAndGet();
					}
					latencies[i] = System.nanoTime() - began;
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		Arrays.sort(latencies);
		return new Result(latencies, submitted.get(), seconds);
	}

	private static Actor actor(long account) {
		return new Actor() {
			@Override
			public String loginName() {
				return "bench-" + account;
			}

			@Override
			public Long institutionId() {
				return null;
			}
		};
	}

	/** Applicants whose profile is complete for residency, written in batches straight into the tables. */
	private static List<Long> seedApplicants(ConfigurableApplicationContext context, int count) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
		String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String idNumber = residentId(run.hashCode() * 31L + i);
			String phone = String.format("17%09d", i);
			rows.add(new Object[] { "b" + run + "x" + i, "压测考生", cipher.encrypt(idNumber), cipher.lookupHash(idNumber),
					Masking.maskIdNumber(idNumber), cipher.encrypt(phone), cipher.lookupHash(phone), Masking.maskPhone(phone),
					now, now });
		}
		jdbc.batchUpdate("""
				INSERT INTO account (login_name, kind, real_name, id_type, id_number_enc, id_number_hash, id_number_masked,
				  phone_enc, phone_hash, phone_masked, password_hash, password_changed_at, must_change_password,
				  profile_required, enabled, failed_attempts, created_at, version)
				VALUES (?, 'APPLICANT', ?, 'RESIDENT_ID', ?, ?, ?, ?, ?, ?, '{noop}x', ?, FALSE, FALSE, TRUE, 0, ?, 0)""",
				rows);
		List<Long> ids = jdbc.queryForList("SELECT id FROM account WHERE login_name LIKE ? ORDER BY id", Long.class,
				"b" + run + "x%");
		List<Object[]> perAccount = ids.stream().map(id -> new Object[] { id }).toList();
		jdbc.batchUpdate("INSERT INTO account_role (account, role) VALUES (?, 'APPLICANT')", perAccount);
		jdbc.batchUpdate("""
				INSERT INTO applicant_profile (account_id, gender, birth_date, ethnicity, political_status, marital_status,
				  household_registration, xuexin_code, email, address, postal_code, emergency_name, emergency_phone,
				  has_work_unit, frozen, submitted_once, version, updated_at)
				VALUES (?, 'MALE', DATE '1995-01-01', '01', 'MASSES', 'UNMARRIED', '福建省福州市', '无', 'a@example.cn',
				  '福建省福州市鼓楼区', '350001', '孙强', '13900000000', FALSE, FALSE, FALSE, 0, CURRENT_TIMESTAMP)""",
				perAccount);
		jdbc.batchUpdate("""
				INSERT INTO education_record (account_id, start_month, end_month, school, school_listed, major, level, degree,
				  study_form, first_education, highest_education, bachelor_education, version)
				VALUES (?, DATE '2014-09-01', DATE '2019-07-01', '福建医科大学', TRUE, '临床医学', 'BACHELOR', 'NONE',
				  'FULL_TIME', TRUE, TRUE, TRUE, 0)""", perAccount);
		for (String slot : new String[] { "PHOTO", "ID_FRONT", "ID_BACK", "DIPLOMA" }) {
			jdbc.batchUpdate("""
					INSERT INTO profile_document (account_id, slot, education_record_id, file_id, upload_bytes, created_at)
					VALUES (?, ?, (SELECT MIN(id) FROM education_record WHERE account_id = ?), 0, 200000, CURRENT_TIMESTAMP)""",
					ids.stream().map(id -> new Object[] { id, slot, id }).toList());
		}
		return ids;
	}

	/** A valid resident ID number derived from a sequence number. */
	private static String residentId(long sequence) {
		long n = Math.floorMod(sequence, 9_000_000L);
		String body = "350102" + (1970 + n % 30) + String.format("%02d", 1 + n / 30 % 12)
				+ String.format("%02d", 1 + n / 360 % 28) + String.format("%03d", n / 10_080 % 1000);
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}
}

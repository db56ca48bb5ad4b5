package cn.medrecruit.application;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.MedRecruitApplication;
import cn.medrecruit.StatementCounter;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.shared.Actor;
import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

/**
 * The submit step under load (run by hand, not by the suite): seeds applicants with complete profiles and a draft
 * each, then lets {@code threads} applicants submit at once, every one to the same base and specialty, and prints
 * throughput, p50/p99 latency and whether the plan's applied count is exact. Arguments: applicants, threads, and
 * optionally a rate per second.
 * <p>
 * Without a rate the load is a closed loop: each of the threads submits, and as soon as it is answered submits the
 * next draft. That measures the most the submit can do, but by Little's law every submit then waits about
 * threads / throughput, whatever the code does. With a rate the load is open: submits arrive on a fixed schedule,
 * {@code rate} per second, served by the threads, and each latency runs from the moment the submit was due, so time
 * spent waiting for a free thread counts too. While the measured round runs, a sampler notes every 10 ms how many
 * threads wait for a pooled connection and what the database's sessions wait for.
 */
public final class SubmitBenchmark {

	private SubmitBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		double rate = args.length > 2 ? Double.parseDouble(args[2]) : 0;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MedRecruitApplication.class)
			.profiles("demo")
			.initializers(starting -> starting.getBeanFactory().addBeanPostProcessor(new StatementCounter()))
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
			List<long[]> warmUp = drafts(context, seedApplicants(context, applicants / 2), batch, specialty, base);
			List<long[]> drafts = drafts(context, seedApplicants(context, applicants), batch, specialty, base);
			System.out.printf("seeded %d applicants with drafts in %.1f s%n", warmUp.size() + drafts.size(),
					(System.nanoTime() - seedStart) / 1e9);
			// the first submits run on a cold JVM: a round that is not measured
			submitAll(applications, warmUp.subList(1, warmUp.size()), threads, rate);
			// then one submit alone, whose statements are listed
			StatementCounter.record();
			applications.submit(new AccountId(warmUp.get(0)[0]), warmUp.get(0)[1], actor(warmUp.get(0)[0]));
			List<String> one = StatementCounter.recorded();
			System.out.printf("one submit ran %d statements:%n", one.size());
			one.forEach(sql -> System.out.println("  " + (sql.length() > 150 ? sql.substring(0, 150) + "…" : sql)));
			Waits waits = new Waits(context);
			com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean();
			long cpuBefore = os.getProcessCpuTime();
			long statementsBefore = StatementCounter.statements();
			long commitsBefore = StatementCounter.commits();
			Result result = submitAll(applications, drafts, threads, rate);
			long cpu = os.getProcessCpuTime() - cpuBefore;
			long statements = StatementCounter.statements() - statementsBefore;
			long commits = StatementCounter.commits() - commitsBefore;
			waits.stop();
			int applied = fixtures.applied(batch, ApplicationFixtures.BASE, "R01");
			long[] latencies = result.latencies();
			int submitted = warmUp.size() + result.submitted();
			System.out.printf("%s: %d submits by %d concurrent applicants in %.2f s: %.0f/s, p50 %.1f ms, p99 %.1f ms, "
					+ "max %.1f ms; submitted %d, plan applied count %d (%s)%n",
					rate > 0 ? String.format("open loop at %.0f/s", rate) : "closed loop", drafts.size(), threads,
					result.seconds(), drafts.size() / result.seconds(), latencies[latencies.length / 2] / 1e6,
					latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6, submitted,
					applied, applied == submitted ? "exact" : "WRONG");
			System.out.printf("application CPU time %.2f ms per submit (with the sampler's)%n", cpu / 1e6 / drafts.size());
			System.out.printf("statements %.1f and commits %.1f per submit%n", (double) statements / drafts.size(),
					(double) commits / drafts.size());
			waits.print(drafts.size() / result.seconds());
		}
	}

	private record Result(long[] latencies, int submitted, double seconds) {
	}

	/**
	 * Drafts ready to submit (person type, specialty, first choice), written straight into the tables as the wizard
	 * would leave them.
	 */
	private static List<long[]> drafts(ConfigurableApplicationContext context, List<Long> accounts, long batch,
			long specialty, long base) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.batchUpdate("""
				INSERT INTO application (account_id, batch_id, person_type, specialty_id, accept_adjustment, status,
				  created_at, updated_at, version)
				VALUES (?, ?, 'SOCIAL_RECRUIT', ?, TRUE, 'DRAFT', ?, ?, 0)""",
				accounts.stream().map(account -> new Object[] { account, batch, specialty, now, now }).toList());
		List<long[]> drafts = new ArrayList<>();
		for (long account : accounts) {
			drafts.add(new long[] { account, jdbc.queryForObject(
					"SELECT id FROM application WHERE account_id = ? AND batch_id = ?", Long.class, account, batch) });
		}
		jdbc.batchUpdate("INSERT INTO application_choice (application_id, choice_rank, base_institution_id) VALUES (?, 1, ?)",
				drafts.stream().map(draft -> new Object[] { draft[1], base }).toList());
		jdbc.batchUpdate("""
				INSERT INTO application_history (application_id, happened_at, from_status, to_status, actor)
				VALUES (?, ?, NULL, 'DRAFT', ?)""",
				drafts.stream().map(draft -> new Object[] { draft[1], now, "bench-" + draft[0] }).toList());
		return drafts;
	}

	private static Result submitAll(Applications applications, List<long[]> drafts, int threads, double rate)
			throws Exception {
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
					long due = rate > 0 ? start + (long) (i * 1e9 / rate) : System.nanoTime();
					long wait = due - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					if (applications.submit(new AccountId(draft[0]), draft[1], actor(draft[0]))) {
						submitted.incrementAndGet();
					}
					latencies[i] = System.nanoTime() - due;
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

	/**
	 * Where submits wait, sampled every 10 ms: submits waiting for their turn ({@link SubmitAdmission}), threads waiting
 * for a pooled connection (Hikari), connections in use,
	 * and the wait events of the database's other sessions (PostgreSQL only). By Little's law the mean number waiting
	 * divided by the throughput is the mean time waited.
	 */
	private static final class Waits {

		private final Thread sampler;
		private volatile boolean running = true;
		private long samples;
		private long queued;
		private long awaiting;
		private int maxAwaiting;
		private long active;
		private final Map<String, Long> events = new TreeMap<>();

		Waits(ConfigurableApplicationContext context) throws Exception {
			HikariPoolMXBean pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean();
			SubmitAdmission admission = context.getBean(SubmitAdmission.class);
			String url = context.getEnvironment().getProperty("spring.datasource.url", "");
			Connection own = url.startsWith("jdbc:postgresql:") ? DriverManager.getConnection(url,
					context.getEnvironment().getProperty("spring.datasource.username"),
					context.getEnvironment().getProperty("spring.datasource.password", "")) : null;
			sampler = new Thread(() -> {
				try (own) {
					while (running) {
						synchronized (this) {
							samples++;
							queued += admission.waiting();
							awaiting += pool.getThreadsAwaitingConnection();
							maxAwaiting = Math.max(maxAwaiting, pool.getThreadsAwaitingConnection());
							active += pool.getActiveConnections();
							if (own != null) {
								sessions(own);
							}
						}
						Thread.sleep(10);
					}
				}
				catch (Exception stopped) {
					running = false;
				}
			}, "wait-sampler");
			sampler.setDaemon(true);
			sampler.start();
		}

		private void sessions(Connection own) throws java.sql.SQLException {
			try (Statement statement = own.createStatement(); ResultSet rows = statement.executeQuery("""
					SELECT state, wait_event_type, wait_event FROM pg_stat_activity
					 WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'""")) {
				while (rows.next()) {
					String key = rows.getString(1) + " / " + rows.getString(2) + ":" + rows.getString(3);
					events.merge(key, 1L, Long::sum);
				}
			}
		}

		void stop() throws InterruptedException {
			running = false;
			sampler.join();
		}

		synchronized void print(double throughput) {
			double meanQueued = (double) queued / samples;
			System.out.printf("admission: submits waiting for their turn mean %.1f -> mean wait %.1f ms%n", meanQueued,
					meanQueued / throughput * 1e3);
			double meanAwaiting = (double) awaiting / samples;
			double meanActive = (double) active / samples;
			System.out.printf("pool: %d samples, threads waiting for a connection mean %.1f (max %d) -> mean wait %.1f ms; "
					+ "connections in use mean %.1f -> mean hold %.1f ms%n", samples, meanAwaiting, maxAwaiting,
					meanAwaiting / throughput * 1e3, meanActive, meanActive / throughput * 1e3);
			events.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach(entry -> System.out.printf("  sessions %-50s mean %.2f%n", entry.getKey(),
						(double) entry.getValue() / samples));
		}
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

package cn.medrecruit.review;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.medrecruit.MedRecruitApplication;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.reporting.Disclosure;
import cn.medrecruit.reporting.ExportMeasurement;
import cn.medrecruit.reporting.ExportColumn;
import cn.medrecruit.reporting.RowSource;
import cn.medrecruit.reporting.TableExport;
import cn.medrecruit.reporting.TableExports;

/**
 * The review engine with a million requests (run by hand, not by the suite), PostgreSQL only. {@code seed} fills the
 * database: around the demo province ~10 cities, ~100 counties and ~2,000 units, six batches of three programs whose
 * chain is 区县 → 地市 → 省, and 1,000,000 requests with their routes and decisions, written by a few
 * {@code INSERT … SELECT} statements over {@code generate_series}. {@code run} then times, through {@link Reviews},
 * the 待审 page under many filters, the subtree search, the batch list and counts, {@code approveMany} of 500 items and
 * the export of 100,000 rows of the list's query through {@code TableExports}, each in several rounds.
 */
public final class ReviewBenchmark {

	static final String BIG_COUNTY = "350122";

	private static final int WARM_UP = Integer.getInteger("bench.warm-up", 10);
	private static final long BUDGET_NANOS = 10_000_000_000L;
	private static final int RUNS = Integer.getInteger("bench.runs", 100);
	private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

	private ReviewBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args.length > 0 ? args[0] : "run";
		int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MedRecruitApplication.class)
			.initializers(added -> added.getBeanFactory().addBeanPostProcessor(new StatementCounter()))
			.profiles("demo")
			.run("--server.port=0", "--medrecruit.data-dir=target/bench-data",
					"--medrecruit.demo.force-on-external-database=true", "--medrecruit.audit.seal-interval=1h",
					"--logging.level.root=WARN")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			if (!context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
				throw new IllegalStateException("the review benchmark runs on PostgreSQL only");
			}
			if (mode.equals("seed")) {
				new ReviewBenchmarkSeed(jdbc, context).seed(requests);
			}
			else {
				run(context, jdbc, mode);
			}
		}
	}

	/** {@code mode}: {@code run} (everything), {@code pages}, {@code approve} or {@code export}. */
	private static void run(ConfigurableApplicationContext context, JdbcClient jdbc, String mode) throws Exception {
		Reviews reviews = context.getBean(Reviews.class);
		UserDetailsService users = context.getBean(UserDetailsService.class);
		CurrentUser county = (CurrentUser) users.loadUserByUsername(BIG_COUNTY);
		CurrentUser city = (CurrentUser) users.loadUserByUsername("350100");
		CurrentUser province = (CurrentUser) users.loadUserByUsername("350000");
		ZoneId zone = ZoneId.systemDefault();
		System.out.printf("%s, load average %.2f, %d requests, %d pending at %s%n", Instant.now(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				jdbc.sql("SELECT COUNT(*) FROM review_request").query(Long.class).single(),
				reviews.counts(county).pending(), BIG_COUNTY);

		if (mode.equals("run") || mode.equals("pages")) {
			pages(cases(jdbc, reviews, county, city, province, zone));
		}
		if (mode.equals("run") || mode.equals("approve")) {
			for (int round = 0; round < ROUNDS; round++) {
				approveMany(jdbc, reviews, county);
			}
		}
		if (mode.equals("run") || mode.equals("export")) {
			for (int round = 0; round < ROUNDS; round++) {
				stream(context.getBean(TableExports.class), reviews, province, 100_000);
			}
		}
	}

	private static void pages(Map<String, Callable<Object>> cases) throws Exception {
		Map<String, List<double[]>> rounds = new LinkedHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			for (Map.Entry<String, Callable<Object>> c : cases.entrySet()) {
				rounds.computeIfAbsent(c.getKey(), key -> new ArrayList<>()).add(time(c.getValue()));
			}
		}
		System.out.printf("%n%-46s %8s %8s %8s %6s   (medians of %d rounds of up to %d calls)%n", "page", "rows",
				"p50 ms", "p95 ms", "stmts", ROUNDS, RUNS);
		for (Map.Entry<String, List<double[]>> c : rounds.entrySet()) {
			double[] p50 = c.getValue().stream().mapToDouble(r -> r[0]).sorted().toArray();
			double[] p95 = c.getValue().stream().mapToDouble(r -> r[1]).sorted().toArray();
			long statements = StatementCounter.STATEMENTS.get();
			String rows = rows(cases.get(c.getKey()));
			System.out.printf("%-46s %8s %8.1f %8.1f %6d   p95 per round %s%n", c.getKey(), rows,
					p50[p50.length / 2], p95[p95.length / 2], StatementCounter.STATEMENTS.get() - statements,
					Arrays.toString(round1(p95)));
		}
	}

	private static Map<String, Callable<Object>> cases(JdbcClient jdbc, Reviews reviews, CurrentUser county,
			CurrentUser city, CurrentUser province, ZoneId zone) {
		long holder = county.institutionId();
		Map<String, Object> sample = jdbc.sql("""
				SELECT batch_id, id_tail, reference_number, applicant_name FROM review_request
				 WHERE holder_institution_id = :h AND state = 'PENDING' ORDER BY id LIMIT 1 OFFSET :offset""")
			.param("h", holder)
			.param("offset", Math.min(777, reviews.counts(county).pending() / 2))
			.query()
			.singleRow();
		long batch = ((Number) sample.get("batch_id")).longValue();
		String tail = (String) sample.get("id_tail");
		String reference = (String) sample.get("reference_number");
		String fullName = (String) sample.get("applicant_name");
		Map<String, Object> deep = jdbc.sql("""
				SELECT submitted_at, id FROM review_request WHERE holder_institution_id = :h AND state = 'PENDING'
				 ORDER BY submitted_at, id LIMIT 1 OFFSET :offset""")
			.param("h", holder)
			.param("offset", Math.min(15_000, reviews.counts(county).pending() - 60))
			.query()
			.singleRow();
		Instant deepAt = ((Timestamp) deep.get("submitted_at")).toInstant();
		long deepId = ((Number) deep.get("id")).longValue();
		LocalDate today = LocalDate.now(zone);
		InboxQuery all = InboxQuery.all();

		Map<String, Callable<Object>> cases = new LinkedHashMap<>();
		for (CurrentUser reviewer : List.of(county, city, province)) {
			// what the 待审 page reads when it opens: the first page, the counts, the notice and the batch list
			cases.put("待审 page whole, " + reviewer.loginName(), () -> {
				reviews.counts(reviewer);
				reviews.returnedSinceSeen(reviewer);
				reviews.pendingBatches(reviewer);
				return reviews.inbox(reviewer, all);
			});
		}
		cases.put("county inbox, no filter", () -> reviews.inbox(county, all));
		cases.put("county inbox, program", () -> reviews.inbox(county, query("residency", null, null, null, null,
				null, false)));
		cases.put("county inbox, batch", () -> reviews.inbox(county, query(null, batch, null, null, null, null,
				false)));
		cases.put("county inbox, stage", () -> reviews.inbox(county, query(null, null, StageLevel.COUNTY, null, null,
				null, false)));
		cases.put("county inbox, name prefix 张", () -> reviews.inbox(county, query(null, null, null, "张", null,
				null, false)));
		cases.put("county inbox, full name", () -> reviews.inbox(county, query(null, null, null, fullName, null,
				null, false)));
		cases.put("county inbox, ID tail", () -> reviews.inbox(county, query(null, null, null, tail, null, null,
				false)));
		cases.put("county inbox, application number", () -> reviews.inbox(county, query(null, null, null, reference,
				null, null, false)));
		cases.put("county inbox, no match", () -> reviews.inbox(county, query(null, null, null, "无此人", null, null,
				false)));
		cases.put("county inbox, date range (7 days)", () -> reviews.inbox(county, query(null, null, null, null,
				today.minusDays(20), today.minusDays(14), false)));
		cases.put("county inbox, program+batch+date+name", () -> reviews.inbox(county, query("residency", batch,
				null, "王", today.minusDays(40), today, true)));
		cases.put("county inbox, newest first", () -> reviews.inbox(county, query(null, null, null, null, null, null,
				true)));
		cases.put("county inbox, keyset page deep (row 15,000)", () -> reviews.inbox(county, all.after(deepAt, deepId)));
		cases.put("county batch list", () -> reviews.pendingBatches(county));
		cases.put("county counts", () -> reviews.counts(county));
		cases.put("county returned since seen", () -> reviews.returnedSinceSeen(county));
		cases.put("county 已审 page", () -> reviews.decided(county, null));
		cases.put("city inbox, no filter", () -> reviews.inbox(city, all));
		cases.put("city inbox, stage CITY + name", () -> reviews.inbox(city, query(null, null, StageLevel.CITY, "李",
				null, null, false)));
		cases.put("city batch list", () -> reviews.pendingBatches(city));
		cases.put("city counts", () -> reviews.counts(city));
		cases.put("province inbox, no filter", () -> reviews.inbox(province, all));
		cases.put("province batch list", () -> reviews.pendingBatches(province));
		cases.put("province counts", () -> reviews.counts(province));
		cases.put("province returned since seen", () -> reviews.returnedSinceSeen(province));
		cases.put("province area, all states", () -> reviews.area(province, null, all));
		cases.put("province area, pending", () -> reviews.area(province, ReviewState.PENDING, all));
		cases.put("province area, rejected + program", () -> reviews.area(province, ReviewState.REJECTED,
				query("tcm-residency", null, null, null, null, null, true)));
		cases.put("province area, full name", () -> reviews.area(province, null, query(null, null, null, fullName,
				null, null, true)));
		cases.put("province area, ID tail", () -> reviews.area(province, null, query(null, null, null, tail, null,
				null, true)));
		cases.put("province area, application number", () -> reviews.area(province, null, query(null, null, null,
				reference, null, null, true)));
		cases.put("province area, no match", () -> reviews.area(province, null, query(null, null, null, "无此人",
				null, null, true)));
		cases.put("province area, date range (3 days)", () -> reviews.area(province, null, query(null, null, null,
				null, today.minusDays(33), today.minusDays(31), true)));
		cases.put("city area, approved", () -> reviews.area(city, ReviewState.APPROVED, all));
		cases.put("county area, all states", () -> reviews.area(county, null, all));
		return cases;
	}

	private static InboxQuery query(String program, Long batch, StageLevel stage, String q, LocalDate from,
			LocalDate to, boolean newestFirst) {
		return new InboxQuery(program, null, batch, stage, q, from, to, newestFirst, null, null);
	}

	/**
	 * p50 and p95 in milliseconds of up to {@link #RUNS} calls after {@link #WARM_UP} unmeasured ones; a slow case
	 * stops after {@link #BUDGET_NANOS} with at least 10 calls measured.
	 */
	private static double[] time(Callable<Object> call) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			call.call();
		}
		long[] nanos = new long[RUNS];
		int n = 0;
		long begin = System.nanoTime();
		while (n < RUNS && (n < 10 || System.nanoTime() - begin < BUDGET_NANOS)) {
			long start = System.nanoTime();
			call.call();
			nanos[n++] = System.nanoTime() - start;
		}
		long[] measured = Arrays.copyOf(nanos, n);
		Arrays.sort(measured);
		return new double[] { measured[n / 2] / 1e6, measured[(int) (n * 0.95)] / 1e6 };
	}

	private static String rows(Callable<Object> call) throws Exception {
		Object result = call.call();
		if (result instanceof InboxPage page) {
			return page.rows().size() + (page.next() == null ? "" : "+");
		}
		if (result instanceof List<?> list) {
			return String.valueOf(list.size());
		}
		return "-";
	}

	private static double[] round1(double[] values) {
		return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
	}

	/** 500 of the big county's pending items (those with an application row) approved in one call. */
	private static void approveMany(JdbcClient jdbc, Reviews reviews, CurrentUser county) {
		Map<Long, Integer> versions = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT r.id, r.version FROM review_request r
				 WHERE r.holder_institution_id = :h AND r.state = 'PENDING' AND r.subject_id < 100000000
				 ORDER BY r.submitted_at, r.id LIMIT 500""")
			.param("h", county.institutionId())
			.query((rs, n) -> versions.put(rs.getLong(1), rs.getInt(2)))
			.list();
		long statements = StatementCounter.STATEMENTS.get();
		long commits = StatementCounter.COMMITS.get();
		long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		long start = System.nanoTime();
		List<Reviews.ItemResult> results = reviews.approveMany(county, versions, null);
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
		long approved = results.stream().filter(Reviews.ItemResult::approved).count();
		System.out.printf("approveMany: %d items in %.2f s (%d approved, %.1f ms per item), load average %.2f;"
				+ " %.1f statements and %.2f commits per item, application CPU %.2f s%n", versions.size(), seconds,
				approved, seconds * 1000 / Math.max(1, versions.size()),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				(StatementCounter.STATEMENTS.get() - statements) / (double) Math.max(1, versions.size()),
				(StatementCounter.COMMITS.get() - commits) / (double) Math.max(1, versions.size()), cpuSeconds);
	}

	/**
	 * {@code rows} rows of the province's subtree, newest first, read page after page by the list's own query
	 * ({@link Reviews#area}) and written by {@link TableExports} as an .xlsx to a stream that only counts bytes, measured
	 * by {@link ExportMeasurement} (time, live and peak heap).
	 */
	private static void stream(TableExports exports, Reviews reviews, CurrentUser reviewer, int rows)
			throws Exception {
		TableExport<ReviewRequest> table = TableExport.of("bench-review-roster", "permission.ROSTER_EXPORT",
				ExportColumn.value("pdf.application-form.number", ReviewRequest::referenceNumber),
				ExportColumn.value("admin.accounts.col.name", ReviewRequest::applicantName),
				ExportColumn.value("admin.accounts.col.id-number", r -> "****" + r.idTail()),
				ExportColumn.value("pdf.application-form.institution", ReviewRequest::unitInstitutionId),
				ExportColumn.message("pdf.application-form.status", r -> "review.state." + r.state().name()),
				ExportColumn.value("pdf.application-form.submitted-at", ReviewRequest::submittedAt));
		RowSource<ReviewRequest> source = consumer -> {
			int read = 0;
			for (InboxQuery query = InboxQuery.all(); query != null && read < rows;) {
				InboxPage page = reviews.area(reviewer, null, query);
				for (ReviewRequest r : page.rows()) {
					if (read++ == rows) {
						return;
					}
					consumer.accept(r);
				}
				query = page.next();
			}
		};
		ExportMeasurement.Result result = ExportMeasurement.measure("roster export, " + rows + " rows of the list query",
				out -> exports.write(table, Disclosure.MASKED, source, out));
		System.out.printf("%s, load average %.2f%n", result.describe(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/**
	 * Counts the statements (and savepoint calls) and commits the application sends, through a proxy around the
	 * data source: a measure of the database work per operation that does not depend on the machine's load.
	 */
	static final class StatementCounter implements org.springframework.beans.factory.config.BeanPostProcessor {

		static final java.util.concurrent.atomic.AtomicLong STATEMENTS = new java.util.concurrent.atomic.AtomicLong();

		static final java.util.concurrent.atomic.AtomicLong COMMITS = new java.util.concurrent.atomic.AtomicLong();

		private static final java.util.Set<String> SENT = java.util.Set.of("prepareStatement", "createStatement",
				"prepareCall", "setSavepoint", "releaseSavepoint");

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) {
			if (!(bean instanceof javax.sql.DataSource dataSource)) {
				return bean;
			}
			return new org.springframework.jdbc.datasource.DelegatingDataSource(dataSource) {
				@Override
				public java.sql.Connection getConnection() throws java.sql.SQLException {
					return counted(super.getConnection());
				}
			};
		}

		private static java.sql.Connection counted(java.sql.Connection connection) {
			return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
					ReviewBenchmark.class.getClassLoader(), new Class<?>[] { java.sql.Connection.class },
					(proxy, method, args) -> {
						if (SENT.contains(method.getName())
								|| (method.getName().equals("rollback") && args != null && args.length == 1)) {
							STATEMENTS.incrementAndGet();
						}
						else if (method.getName().equals("commit")) {
							COMMITS.incrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (java.lang.reflect.InvocationTargetException e) {
							throw e.getCause();
						}
					});
		}
	}
}

package cn.medrecruit.review;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Fills a PostgreSQL database for {@link ReviewBenchmark}, set-wise. Shares of the requests: a quarter pending at
 * the county, a tenth at the city, a twentieth at the province, two fifths approved, a tenth returned and a tenth
 * rejected (at one of the three stages); on top, one request in fifty is pending at 连江 (the big county holder,
 * about 20,000). Requests are spread over six batches of three programs, submitted over the last 60 days. The
 * reviewer pages' tallies are filled from them at the end.
 */
final class ReviewBenchmarkSeed {

	private static final String[] CITIES = { "厦门", "莆田", "三明", "漳州", "南平", "龙岩", "宁德", "平潭" };
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华红玉萍建国鹏辉晨宇浩然欣怡子轩梓涵思远雨婷嘉豪";

	private final JdbcClient jdbc;
	private final ConfigurableApplicationContext context;

	ReviewBenchmarkSeed(JdbcClient jdbc, ConfigurableApplicationContext context) {
		this.jdbc = jdbc;
		this.context = context;
	}

	void seed(int requests) {
		if (jdbc.sql("SELECT COUNT(*) FROM review_request").query(Long.class).single() > 0) {
			throw new IllegalStateException("the database holds review requests already: seed an empty one");
		}
		long start = System.nanoTime();
		long province = institution("350000");
		institutions(province);
		step(start, "institutions");
		List<Long> batches = batches();
		step(start, "batches " + batches);
		requests(requests, province);
		step(start, "requests");
		jdbc.sql("""
				INSERT INTO review_request_route (request_id, round_no, stage_index, stage_level, on_reject,
				  holder_institution_id)
				SELECT r.id, 1, s.i, s.level, CASE WHEN s.i = 2 THEN 'ENDS' ELSE 'RETURNS' END,
				       CASE s.i WHEN 0 THEN u.county WHEN 1 THEN u.city ELSE :province END
				  FROM review_request r JOIN bench_unit u ON u.id = r.unit_institution_id
				 CROSS JOIN (VALUES (0, 'COUNTY'), (1, 'CITY'), (2, 'PROVINCE')) AS s (i, level)""")
			.param("province", province)
			.update();
		step(start, "routes");
		decisions();
		step(start, "decisions");
		applications();
		step(start, "applications for approveMany");
		tallies();
		step(start, "tallies");
		jdbc.sql("DROP TABLE bench_unit").update();
		jdbc.sql("DROP TABLE bench_batch").update();
		jdbc.sql("ANALYZE").update();
		step(start, "analyzed");
		jdbc.sql("SELECT state, stage_level, COUNT(*) AS n FROM review_request GROUP BY 1, 2 ORDER BY 1, 2")
			.query()
			.listOfRows()
			.forEach(row -> System.out.println("  " + row));
		long big = institution(ReviewBenchmark.BIG_COUNTY);
		System.out.println("  pending at " + ReviewBenchmark.BIG_COUNTY + ": " + jdbc.sql(
				"SELECT COUNT(*) FROM review_request WHERE holder_institution_id = :h AND state = 'PENDING'")
			.param("h", big)
			.query(Long.class)
			.single());
	}

	private long institution(String code) {
		return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
	}

	/**
	 * Eight more cities beside 福州 and 泉州, ten counties under each city (福州's two demo counties count), twenty
	 * units under each county, and the paths of them all.
	 */
	private void institutions(long province) {
		for (int i = 0; i < CITIES.length; i++) {
			jdbc.sql("""
					INSERT INTO institution (code, name, kind, region_code, parent_id, path, review_rights, enabled,
					  created_at, updated_at, version)
					VALUES (:code, :name, 'HEALTH_COMMISSION', '350000', :p, '', TRUE, TRUE, now(), now(), 0)""")
				.param("code", "BENCH-C" + i)
				.param("name", CITIES[i] + "市卫生健康委员会")
				.param("p", province)
				.update();
		}
		jdbc.sql("""
				INSERT INTO institution (code, name, kind, region_code, parent_id, path, review_rights, enabled,
				  created_at, updated_at, version)
				SELECT 'BENCH-' || c.id || '-' || n, replace(c.name, '卫生健康委员会', '') || '第' || n || '县卫生健康局',
				       'HEALTH_COMMISSION', '350000', c.id, '', TRUE, TRUE, now(), now(), 0
				  FROM institution c CROSS JOIN generate_series(1, 10) n
				 WHERE c.parent_id = :p AND c.kind = 'HEALTH_COMMISSION'
				   AND n > (SELECT COUNT(*) FROM institution k WHERE k.parent_id = c.id AND k.kind = 'HEALTH_COMMISSION')""")
			.param("p", province)
			.update();
		jdbc.sql("""
				INSERT INTO institution (code, name, kind, region_code, parent_id, path, review_rights, enabled,
				  created_at, updated_at, version)
				SELECT 'BENCH-' || k.id || '-U' || n, replace(k.name, '卫生健康局', '') || '第' || n || '人民医院',
				       'UNIT', '350000', k.id, '', FALSE, TRUE, now(), now(), 0
				  FROM institution k JOIN institution c ON c.id = k.parent_id CROSS JOIN generate_series(1, 20) n
				 WHERE c.parent_id = :p AND c.kind = 'HEALTH_COMMISSION' AND k.kind = 'HEALTH_COMMISSION'""")
			.param("p", province)
			.update();
		for (int level = 0; level < 3; level++) {
			jdbc.sql("""
					UPDATE institution i SET path = p.path || i.id || '/' FROM institution p
					 WHERE i.parent_id = p.id AND i.code LIKE 'BENCH-%' AND i.path = '' AND p.path <> ''""")
				.update();
		}
		jdbc.sql("DROP TABLE IF EXISTS bench_unit").update();
		jdbc.sql("""
				CREATE TABLE bench_unit AS
				SELECT row_number() OVER (ORDER BY k.code = :big DESC, u.id) AS n, u.id, u.path, k.id AS county, c.id AS city,
				       (k.code = :big) AS big
				  FROM institution u JOIN institution k ON k.id = u.parent_id JOIN institution c ON c.id = k.parent_id
				 WHERE u.kind = 'UNIT' AND c.parent_id = :p AND c.kind = 'HEALTH_COMMISSION'
				   AND k.kind = 'HEALTH_COMMISSION'""")
			.param("p", province)
			.param("big", ReviewBenchmark.BIG_COUNTY)
			.update();
		System.out.println("  units " + jdbc.sql("SELECT COUNT(*) FROM bench_unit").query(Long.class).single()
				+ ", counties " + jdbc.sql("SELECT COUNT(DISTINCT county) FROM bench_unit").query(Long.class).single()
				+ ", cities " + jdbc.sql("SELECT COUNT(DISTINCT city) FROM bench_unit").query(Long.class).single());
	}

	/** Six batches with the chain 区县 → 地市 → 省, windows open for a month: two of each program. */
	private List<Long> batches() {
		ReviewFixtures fixtures = new ReviewFixtures(jdbc, null, null, null,
				context.getBean(UserDetailsService.class));
		String[] programs = { "county-backbone", "residency", "tcm-residency" };
		jdbc.sql("DROP TABLE IF EXISTS bench_batch").update();
		jdbc.sql("CREATE TABLE bench_batch (n INT, id BIGINT, cohort BIGINT, program VARCHAR(32), year INT)").update();
		for (int i = 0; i < 6; i++) {
			long batch = fixtures.countyChainBatch("审核压测批次" + (i + 1), Instant.now());
			long cohort = jdbc.sql("SELECT cohort_id FROM batch WHERE id = :b").param("b", batch).query(Long.class)
				.single();
			jdbc.sql("UPDATE cohort SET program_code = :p, cohort_year = 2020 + :n WHERE id = :c")
				.param("p", programs[i % 3]).param("n", i).param("c", cohort).update();
			jdbc.sql("INSERT INTO bench_batch VALUES (:n, :b, :c, :p, 2020 + :n)")
				.param("n", i).param("b", batch).param("c", cohort).param("p", programs[i % 3]).update();
		}
		return jdbc.sql("SELECT id FROM bench_batch ORDER BY n").query(Long.class).list();
	}

	/**
	 * The requests in one statement. {@code h1…h4} are independent hashes of the row number: unit, state, batch and
	 * name; states are drawn from {@code h2 % 100}.
	 */
	private void requests(int count, long province) {
		long units = jdbc.sql("SELECT COUNT(*) FROM bench_unit").query(Long.class).single();
		long bigUnits = jdbc.sql("SELECT COUNT(*) FROM bench_unit WHERE big").query(Long.class).single();
		long firstBig = jdbc.sql("SELECT MIN(n) FROM bench_unit WHERE big").query(Long.class).single();
		long base = institution("35000101");
		jdbc.sql("""
				INSERT INTO review_request (kind, subject_id, applicant_account_id, applicant_name, id_tail,
				  reference_number, program_code, cohort_id, batch_id, unit_institution_id, unit_path,
				  first_choice_base_id, first_submitted_at, submitted_at, round_no, state, stage_index, stage_level,
				  holder_institution_id, updated_at, version)
				SELECT 'APPLICATION', 100000000 + g.g, 100000000 + g.g,
				       substr(:surnames, 1 + (g.h4 % char_length(:surnames))::int, 1)
				         || substr(:given, 1 + ((g.h4 / 64) % char_length(:given))::int, 1)
				         || CASE WHEN g.h4 % 3 = 0 THEN '' ELSE substr(:given, 1 + ((g.h4 / 4096) % char_length(:given))::int, 1) END,
				       CASE WHEN g.h1 % 11 = 0 THEN lpad(((g.h1 / 7) % 1000)::text, 3, '0') || 'X'
				            ELSE lpad(((g.h1 / 7) % 10000)::text, 4, '0') END,
				       b.year || lpad((100000000 + g.g)::text, 8, '0'),
				       b.program, b.cohort, b.id, u.id, u.path, :base,
				       g.at, g.at, 1,
				       CASE WHEN g.big OR g.s < 40 THEN 'PENDING' WHEN g.s < 80 THEN 'APPROVED'
				            WHEN g.s < 90 THEN 'RETURNED' ELSE 'REJECTED' END,
				       g.stage,
				       CASE g.stage WHEN 0 THEN 'COUNTY' WHEN 1 THEN 'CITY' ELSE 'PROVINCE' END,
				       CASE g.stage WHEN 0 THEN u.county WHEN 1 THEN u.city ELSE :province END,
				       g.at, g.stage
				  FROM (SELECT x.*, x.g % 50 = 0 AS big,
				               CASE WHEN x.g % 50 = 0 OR x.s < 25 THEN 0 WHEN x.s < 35 THEN 1 WHEN x.s < 40 THEN 2
				                    WHEN x.s < 80 THEN 2 ELSE x.s % 3 END AS stage,
				               now() - make_interval(secs => (x.h3 % 5184000)::double precision) AS at
				          FROM (SELECT n.g, abs(hashint8(n.g)::bigint) AS h1, abs(hashint8(n.g + 7777777)::bigint) % 100 AS s,
				                       abs(hashint8(n.g + 15555555)::bigint) AS h3, abs(hashint8(n.g + 23333333)::bigint) AS h4
				                  FROM generate_series(1, :count) AS n (g)) x) g
				  JOIN bench_unit u ON u.n = CASE WHEN g.big THEN :firstBig + g.h1 % :bigUnits ELSE 1 + g.h1 % :units END
				  JOIN bench_batch b ON b.n = (g.h3 / 7) % 6""")
			.param("surnames", SURNAMES)
			.param("given", GIVEN)
			.param("base", base)
			.param("province", province)
			.param("count", count)
			.param("firstBig", firstBig)
			.param("bigUnits", bigUnits)
			.param("units", units)
			.update();
	}

	/**
	 * What brought each request where it is: an approval at every stage before its current one, and the current
	 * stage's approval, return or rejection when it is no longer pending. A day between decisions.
	 */
	private void decisions() {
		jdbc.sql("""
				INSERT INTO review_decision (request_id, round_no, stage_index, stage_level, holder_institution_id,
				  action, opinion, actor_account_id, actor, decided_at)
				SELECT r.id, 1, s.stage_index, s.stage_level, s.holder_institution_id,
				       CASE WHEN s.stage_index < r.stage_index OR r.state = 'APPROVED' THEN 'APPROVE'
				            WHEN r.state = 'RETURNED' THEN 'RETURN' ELSE 'REJECT' END,
				       CASE WHEN s.stage_index < r.stage_index OR r.state = 'APPROVED' THEN '同意'
				            ELSE '材料不全，请补充' END,
				       NULL, 'bench-' || s.stage_level, r.submitted_at + make_interval(days => s.stage_index + 1)
				  FROM review_request r JOIN review_request_route s ON s.request_id = r.id AND s.round_no = 1
				 WHERE s.stage_index < r.stage_index OR (s.stage_index = r.stage_index AND r.state <> 'PENDING')
				 ORDER BY r.id, s.stage_index""")
			.update();
	}

	/**
	 * Application rows for 3,000 of the big county's pending requests: the approval's listener moves a real
	 * application on, so {@code approveMany} is timed with it.
	 */
	private void applications() {
		long specialty = jdbc.sql("SELECT id FROM program_specialty WHERE program_code = 'residency' AND code = 'R01'")
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO application (account_id, batch_id, person_type, specialty_id, accept_adjustment, status,
				  submitted_at, created_at, updated_at, version)
				SELECT r.applicant_account_id, r.batch_id, 'SOCIAL_RECRUIT', :spec, TRUE, 'SUBMITTED', r.submitted_at,
				       r.submitted_at, r.submitted_at, 1
				  FROM review_request r JOIN bench_unit u ON u.id = r.unit_institution_id AND u.big
				 WHERE r.state = 'PENDING' AND r.stage_index = 0
				 ORDER BY r.submitted_at, r.id LIMIT 3000""")
			.param("spec", specialty)
			.update();
		jdbc.sql("""
				UPDATE review_request r SET subject_id = a.id FROM application a
				 WHERE a.account_id = r.applicant_account_id AND a.batch_id = r.batch_id
				   AND r.applicant_account_id >= 100000000""")
			.update();
	}

	/**
	 * The reviewer pages' tallies of the seeded requests, set-wise as the migration that brought them fills them for
	 * existing data (the seeding runs after the migrations, on empty tables).
	 */
	private void tallies() {
		jdbc.sql("""
				INSERT INTO review_tally (holder_institution_id, kind, n)
				SELECT holder_institution_id, state, COUNT(*) FROM review_request WHERE state IN ('PENDING', 'WAITING')
				 GROUP BY holder_institution_id, state""")
			.update();
		jdbc.sql("""
				INSERT INTO review_tally (holder_institution_id, kind, n)
				SELECT holder_institution_id, 'DECIDED', COUNT(DISTINCT request_id) FROM review_decision
				 WHERE holder_institution_id IS NOT NULL AND action IN ('APPROVE', 'REJECT', 'RETURN')
				 GROUP BY holder_institution_id""")
			.update();
		jdbc.sql("""
				INSERT INTO review_tally (holder_institution_id, kind, n)
				SELECT d.holder_institution_id, d.action, COUNT(DISTINCT d.request_id) FROM review_decision d
				 WHERE d.holder_institution_id IS NOT NULL AND d.action IN ('APPROVE', 'REJECT', 'RETURN')
				   AND NOT EXISTS (SELECT 1 FROM review_decision w WHERE w.withdraws_id = d.id)
				 GROUP BY d.holder_institution_id, d.action""")
			.update();
		jdbc.sql("""
				INSERT INTO review_returned_later (holder_institution_id, request_id, returned_at)
				SELECT mine.holder_institution_id, later.request_id, MAX(later.decided_at) FROM review_decision mine
				  JOIN review_decision later ON later.request_id = mine.request_id AND later.round_no = mine.round_no
				   AND later.stage_index > mine.stage_index AND later.action IN ('REJECT', 'RETURN')
				 WHERE mine.holder_institution_id IS NOT NULL AND mine.action = 'APPROVE'
				   AND NOT EXISTS (SELECT 1 FROM review_decision w WHERE w.withdraws_id = later.id)
				 GROUP BY mine.holder_institution_id, later.request_id""")
			.update();
		jdbc.sql("""
				INSERT INTO review_tally (holder_institution_id, kind, n)
				SELECT holder_institution_id, 'RETURNED_LATER', COUNT(*) FROM review_returned_later
				 GROUP BY holder_institution_id""")
			.update();
	}

	private static void step(long start, String what) {
		System.out.printf("%6.1f s  %s%n", (System.nanoTime() - start) / 1e9, what);
	}
}

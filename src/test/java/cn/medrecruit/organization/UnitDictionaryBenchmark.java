package cn.medrecruit.organization;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.MedRecruitApplication;

/**
 * How fast the unit dictionary answers with 50,000 units: not a test, run by hand.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" cn.medrecruit.organization.UnitDictionaryBenchmark
 * # on PostgreSQL, in a database of its own:
 * java -Dspring.datasource.url='jdbc:postgresql://127.0.0.1:5432/medrecruit_bench?reWriteBatchedInserts=true' \
 *     -Dspring.datasource.username=postgres -cp ... cn.medrecruit.organization.UnitDictionaryBenchmark
 * </pre>
 *
 * Starts the application on the database named by {@code spring.datasource.url} (default: an H2 file under
 * {@code target/bench}), seeds 50,000 units with batched inserts the first time, then runs 1,000 searches of 2–4
 * characters taken from the seeded names (one in ten made up, so it finds nothing) and prints the latency
 * percentiles. Options as system properties: {@code bench.units} (50000), {@code bench.searches} (1000).
 */
public final class UnitDictionaryBenchmark {

	private static final String CODE_PREFIX = "BENCH";

	private static final String[][] CITIES = { { "350100", "福州市" }, { "350200", "厦门市" }, { "350300", "莆田市" },
			{ "350400", "三明市" }, { "350500", "泉州市" }, { "350600", "漳州市" }, { "350700", "南平市" },
			{ "350800", "龙岩市" }, { "350900", "宁德市" } };

	private static final String COUNTY_FIRST = "东西南北新长永安平清宁丰兴龙华明德建泰福";
	private static final String COUNTY_SECOND = "安平宁和阳山江源化溪城丰";

	private static final List<String> HOSPITALS = List.of("人民医院", "第一人民医院", "第二人民医院", "第三人民医院", "中医院",
			"中西医结合医院", "妇幼保健院", "疾病预防控制中心", "卫生监督所", "皮肤病防治院", "精神病医院", "口腔医院", "眼科医院", "肿瘤医院",
			"儿童医院", "传染病医院", "康复医院", "骨科医院", "第一医院", "第二医院");

	private static final List<String> TOWNS = List.of("城关镇", "城东镇", "城西镇", "城南镇", "城北镇", "东街街道", "西街街道",
			"南门街道", "北门街道", "凤城镇", "龙湖镇", "青山镇", "白沙镇", "石狮镇", "金山镇", "银湖镇", "梅林镇", "桃源镇", "柳营镇", "松溪镇",
			"湖头镇", "马尾镇", "江口镇", "塘头镇", "洋中镇", "坑口镇", "大田镇", "新桥镇", "长乐镇", "永丰镇", "黄田镇", "东岭镇", "西山镇",
			"南山镇", "北岭镇", "官桥镇", "龙门镇", "蓬莱镇", "珠塘镇", "霞浦镇", "鹤上镇", "文笔镇", "莲花镇", "溪口镇", "上洋镇");

	private static final List<String> TOWN_FACILITIES = List.of("卫生院", "中心卫生院", "社区卫生服务中心", "社区卫生服务站");

	private static final List<String> PRIVATE_NAMES = List.of("仁爱", "博爱", "康华", "华侨", "协和", "同仁", "爱尔", "和平", "明德",
			"惠民");

	private static final List<String> PRIVATE_KINDS = List.of("医院", "门诊部");

	private static final String MADE_UP = "瓯鹭滇黔赣皖蜀湘粤桂琼藏陕甘宁青";

	private record County(String code, String name, String cityName) {
	}

	private UnitDictionaryBenchmark() {
	}

	public static void main(String[] args) {
		defaultProperty("spring.datasource.url",
				"jdbc:h2:file:./target/bench/unit-dictionary;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		defaultProperty("medrecruit.data-dir", "target/bench");
		defaultProperty("server.port", "0");
		defaultProperty("spring.main.banner-mode", "off");
		defaultProperty("logging.level.root", "WARN");
		defaultProperty("medrecruit.audit.seal-interval", "1h");
		int units = Integer.getInteger("bench.units", 50_000);
		int searches = Integer.getInteger("bench.searches", 1_000);

		int status = 0;
		try (ConfigurableApplicationContext context = SpringApplication.run(MedRecruitApplication.class)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			JdbcTemplate template = context.getBean(JdbcTemplate.class);
			UnitDictionary dictionary = context.getBean(UnitDictionary.class);
			String database = template.execute((Connection connection) -> connection.getMetaData()
				.getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion());

			List<County> counties = regions(context.getBean(RegionCatalogue.class));
			List<String> names = names(counties, units);
			long seedStart = System.nanoTime();
			TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			int seeded = transaction.execute(tx -> seed(jdbc, template, counties, names));
			long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
			analyze(template, database);
			long total = jdbc.sql("SELECT COUNT(*) FROM institution").query(Long.class).single();
			long grams = jdbc.sql("SELECT COUNT(*) FROM institution_name_gram").query(Long.class).single();

			Random random = new Random(42);
			for (int i = 0; i < 300; i++) {
				dictionary.search(query(names, random));
			}
			long[] nanos = new long[searches];
			String[] queries = new String[searches];
			int found = 0;
			int empty = 0;
			for (int i = 0; i < searches; i++) {
				queries[i] = query(names, random);
				long start = System.nanoTime();
				int results = dictionary.search(queries[i]).size();
				nanos[i] = System.nanoTime() - start;
				found += results;
				empty += results == 0 ? 1 : 0;
			}
			Integer[] slowest = new Integer[searches];
			Arrays.setAll(slowest, i -> i);
			Arrays.sort(slowest, (a, b) -> Long.compare(nanos[b], nanos[a]));
			StringBuilder slow = new StringBuilder();
			for (int i = 0; i < Math.min(8, searches); i++) {
				slow.append(String.format(" %s %.0f ms;", queries[slowest[i]], nanos[slowest[i]] / 1e6));
			}
			Arrays.sort(nanos);
			System.out.printf("%nUnit dictionary benchmark on %s%n", database);
			System.out.printf("  institutions: %,d (seeded now: %,d in %,d ms), name grams: %,d%n", total, seeded,
					seedMillis, grams);
			System.out.printf("  searches: %,d of 2-4 characters (after 300 warm-up), %.1f results on average, %d found nothing%n",
					searches, (double) found / searches, empty);
			System.out.printf("  latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  mean %.2f%n%n", millis(nanos, 0.50),
					millis(nanos, 0.95), millis(nanos, 0.99), nanos[nanos.length - 1] / 1e6,
					Arrays.stream(nanos).average().orElse(0) / 1e6);
			System.out.printf("  slowest:%s%n%n", slow);
		}
		catch (RuntimeException failure) {
			failure.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private static void defaultProperty(String key, String value) {
		if (System.getProperty(key) == null) {
			System.setProperty(key, value);
		}
	}

	private static double millis(long[] sorted, double percentile) {
		int index = (int) Math.ceil(percentile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	/** A province, nine cities and 240 counties, added where missing. */
	private static List<County> regions(RegionCatalogue regions) {
		if (!regions.exists("350000")) {
			regions.add(new RegionCatalogue.Region("350000", "福建省", RegionLevel.PROVINCE, null));
		}
		for (String[] city : CITIES) {
			if (!regions.exists(city[0])) {
				regions.add(new RegionCatalogue.Region(city[0], city[1], RegionLevel.CITY, "350000"));
			}
		}
		List<County> counties = new ArrayList<>();
		int n = 0;
		for (char first : COUNTY_FIRST.toCharArray()) {
			for (char second : COUNTY_SECOND.toCharArray()) {
				if (first == second) {
					continue;
				}
				String[] city = CITIES[n % CITIES.length];
				String code = city[0].substring(0, 4) + (40 + n / CITIES.length);
				String name = "" + first + second + "县";
				if (!regions.exists(code)) {
					regions.add(new RegionCatalogue.Region(code, name, RegionLevel.COUNTY, city[0]));
				}
				counties.add(new County(code, name, city[1]));
				n++;
			}
		}
		return counties;
	}

	/** Unique, realistic names: county hospitals, town health centres and private clinics, shuffled, cut to size. */
	private static List<String> names(List<County> counties, int units) {
		Set<String> names = new LinkedHashSet<>();
		for (County county : counties) {
			for (String hospital : HOSPITALS) {
				names.add(county.cityName() + county.name() + hospital);
			}
			for (String town : TOWNS) {
				for (String facility : TOWN_FACILITIES) {
					names.add(county.name() + town + facility);
				}
			}
			for (String name : PRIVATE_NAMES) {
				for (String kind : PRIVATE_KINDS) {
					names.add(county.name() + name + kind);
				}
			}
		}
		List<String> shuffled = new ArrayList<>(names);
		Collections.shuffle(shuffled, new Random(7));
		if (shuffled.size() < units) {
			throw new IllegalStateException("only " + shuffled.size() + " distinct names");
		}
		return List.copyOf(shuffled.subList(0, units));
	}

	/**
	 * Inserts the units not there yet with ids taken after the highest one (so path and name slices are written in
	 * the same pass), then moves the id sequence past them.
	 */
	private static int seed(JdbcClient jdbc, JdbcTemplate template, List<County> counties, List<String> names) {
		long present = jdbc.sql("SELECT COUNT(*) FROM institution WHERE code LIKE :prefix")
			.param("prefix", CODE_PREFIX + "%")
			.query(Long.class)
			.single();
		if (present >= names.size()) {
			return 0;
		}
		Set<String> existing = new HashSet<>(jdbc.sql("SELECT name FROM institution").query(String.class).list());
		Set<String> codes = new HashSet<>(jdbc.sql("SELECT code FROM institution").query(String.class).list());
		long nextId = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM institution").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> grams = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String code = CODE_PREFIX + String.format("%06d", i);
			if (existing.contains(names.get(i)) || codes.contains(code)) {
				continue;
			}
			long id = nextId++;
			County county = counties.get(i % counties.size());
			// one unit in fifty is disabled, as in real life
			rows.add(new Object[] { id, code, names.get(i), county.code(), "/" + id + "/", i % 50 != 0 });
			for (String gram : UnitDictionary.gramsOf(names.get(i))) {
				grams.add(new Object[] { gram, id });
			}
		}
		template.batchUpdate("""
				INSERT INTO institution (id, code, name, kind, region_code, path, review_rights, enabled, created_at,
				                         updated_at, version)
				VALUES (?, ?, ?, 'UNIT', ?, ?, FALSE, ?, ?, ?, 0)""", rows, 5_000, (statement, row) -> {
			statement.setLong(1, (Long) row[0]);
			statement.setString(2, (String) row[1]);
			statement.setString(3, (String) row[2]);
			statement.setString(4, (String) row[3]);
			statement.setString(5, (String) row[4]);
			statement.setBoolean(6, (Boolean) row[5]);
			statement.setTimestamp(7, now);
			statement.setTimestamp(8, now);
		});
		template.batchUpdate("INSERT INTO institution_name_gram (gram, institution_id) VALUES (?, ?)", grams, 10_000,
				(statement, gram) -> {
					statement.setString(1, (String) gram[0]);
					statement.setLong(2, (Long) gram[1]);
				});
		template.execute("ALTER TABLE institution ALTER COLUMN id RESTART WITH " + nextId);
		return rows.size();
	}

	private static void analyze(JdbcTemplate template, String database) {
		try {
			template.execute("ANALYZE");
		}
		catch (RuntimeException notSupported) {
			System.out.println("ANALYZE not run on " + database + ": " + notSupported.getMessage());
		}
	}

	/** 2–4 consecutive characters of a seeded name; one query in ten made up so that it finds nothing. */
	private static String query(List<String> names, Random random) {
		int length = 2 + random.nextInt(3);
		if (random.nextInt(10) == 0) {
			StringBuilder madeUp = new StringBuilder();
			for (int i = 0; i < length; i++) {
				madeUp.append(MADE_UP.charAt(random.nextInt(MADE_UP.length())));
			}
			return madeUp.toString();
		}
		String name = names.get(random.nextInt(names.size()));
		int start = random.nextInt(name.length() - length + 1);
		return name.substring(start, start + length);
	}
}

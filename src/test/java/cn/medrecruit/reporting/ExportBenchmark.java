package cn.medrecruit.reporting;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.MedRecruitApplication;
import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

/**
 * How fast and in how much heap {@link TableExports} writes 100,000 rows read from the database: not a test, run by
 * hand.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -Xmx512m -Dspring.datasource.url='jdbc:postgresql://127.0.0.1:5432/medrecruit_export_bench?reWriteBatchedInserts=true' \
 *     -Dspring.datasource.username=postgres \
 *     -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" cn.medrecruit.reporting.ExportBenchmark
 * </pre>
 *
 * Starts the application on the database named by {@code spring.datasource.url} (default: an H2 file under
 * {@code target/bench}), creates the table {@code bench_export_row} with roster-like rows (name, unit, ID number and
 * phone encrypted and masked, status, time, a number) and fills it with batched inserts the first time, then exports
 * all rows once to warm up, reads them once without a workbook (the database's share), and exports them
 * {@code bench.runs} times measured, masked (the stored masked copies, no decryption)
 * and in full (each ID number and phone decrypted). The rows stream from a JDBC cursor with a fetch size inside a
 * read-only transaction into a stream that counts the bytes. Options as system properties: {@code bench.rows}
 * (100000), {@code bench.runs} (3).
 * <p>
 * Another list measures its own export with {@link ExportMeasurement#measure} around its {@link TableExports#write}.
 */
public final class ExportBenchmark {

	static final int FETCH_SIZE = 1_000;

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "林", "郑" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明" };
	private static final String[] UNITS = { "连江县医院", "福州市第一医院", "鼓楼区洪山社区卫生服务中心", "安溪县医院", "福建省立医院",
			"福能总医院", "闽侯县总医院", "长乐区人民医院" };
	private static final String[] STATUSES = { "application.status.SUBMITTED", "application.status.DRAFT",
			"application.status.CANCELLED" };

	record Row(long id, String number, String name, String unit, String idNumberEnc, String idNumberMasked,
			String phoneEnc, String phoneMasked, String status, LocalDateTime submittedAt, int score) {
	}

	private ExportBenchmark() {
	}

	public static void main(String[] args) {
		defaultProperty("spring.datasource.url",
				"jdbc:h2:file:./target/bench/export;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		defaultProperty("medrecruit.data-dir", "target/bench");
		defaultProperty("server.port", "0");
		defaultProperty("spring.main.banner-mode", "off");
		defaultProperty("logging.level.root", "WARN");
		defaultProperty("medrecruit.audit.seal-interval", "1h");
		int rows = Integer.getInteger("bench.rows", 100_000);
		int runs = Integer.getInteger("bench.runs", 3);

		int status = 0;
		try (ConfigurableApplicationContext context = SpringApplication.run(MedRecruitApplication.class)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			JdbcTemplate template = context.getBean(JdbcTemplate.class);
			PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
			TableExports exports = context.getBean(TableExports.class);
			TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			String database = template.execute((Connection connection) -> connection.getMetaData()
				.getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion());

			long seedStart = System.nanoTime();
			int seeded = transactions.execute(tx -> seed(jdbc, template, cipher, rows));
			long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

			TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			readOnly.setReadOnly(true);
			TableExport<Row> table = table(cipher);
			RowSource<Row> source = sink -> readOnly.executeWithoutResult(tx -> {
				try (Stream<Row> stream = jdbc.sql("""
						SELECT id, number, name, unit, id_number_enc, id_number_masked, phone_enc, phone_masked, status,
						       submitted_at, score
						  FROM bench_export_row ORDER BY id LIMIT :rows""")
					.param("rows", rows)
					.withFetchSize(FETCH_SIZE)
					.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
							rs.getString("unit"), rs.getString("id_number_enc"), rs.getString("id_number_masked"),
							rs.getString("phone_enc"), rs.getString("phone_masked"), rs.getString("status"),
							rs.getTimestamp("submitted_at").toLocalDateTime(), rs.getInt("score")))
					.stream()) {
					stream.forEach(sink);
				}
			});

			System.out.printf("%nExport benchmark on %s, max heap %d MB, %d processors%n", database,
					Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());
			System.out.printf("  rows in bench_export_row: %,d (seeded now: %,d in %,d ms)%n", count(jdbc), seeded,
					seedMillis);
			System.out.println("  " + ExportMeasurement.measure("warm-up (masked)",
					out -> exports.write(table, Disclosure.MASKED, source, out)).describe());
			// the database's share: the same rows read and dropped, no workbook
			System.out.println("  " + ExportMeasurement.measure("rows read only", out -> {
				long[] read = { 0 };
				source.forEach(row -> read[0]++);
				return read[0];
			}).describe());
			for (Disclosure disclosure : Disclosure.values()) {
				for (int run = 1; run <= runs; run++) {
					ExportMeasurement.Result result = ExportMeasurement.measure(disclosure + " run " + run,
							out -> exports.write(table, disclosure, source, out));
					if (result.rows() != rows) {
						throw new IllegalStateException("exported " + result.rows() + " rows, expected " + rows);
					}
					System.out.println("  " + result.describe());
				}
			}
			System.out.println();
		}
		catch (Exception failure) {
			failure.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	/** The columns of a roster: masked personal numbers unless disclosed, then decrypted per row. */
	static TableExport<Row> table(PersonalDataCipher cipher) {
		return TableExport.of("bench-roster", "permission.ROSTER_EXPORT",
				ExportColumn.value("pdf.application-form.number", Row::number),
				ExportColumn.value("admin.accounts.col.name", Row::name),
				ExportColumn.value("pdf.application-form.institution", Row::unit),
				ExportColumn.idNumber("admin.accounts.col.id-number", row -> cipher.decrypt(row.idNumberEnc()),
						Row::idNumberMasked),
				ExportColumn.phone("admin.accounts.col.phone", row -> cipher.decrypt(row.phoneEnc()), Row::phoneMasked),
				ExportColumn.message("pdf.application-form.status", Row::status),
				ExportColumn.value("pdf.application-form.submitted-at", Row::submittedAt),
				ExportColumn.value("plan.col.places", Row::score));
	}

	private static void defaultProperty(String key, String value) {
		if (System.getProperty(key) == null) {
			System.setProperty(key, value);
		}
	}

	private static long count(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM bench_export_row").query(Long.class).single();
	}

	/** Creates the table when missing and adds rows up to {@code rows}, 5,000 per batch. */
	private static int seed(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher, int rows) {
		template.execute("""
				CREATE TABLE IF NOT EXISTS bench_export_row (
				    id               BIGINT       PRIMARY KEY,
				    number           VARCHAR(20)  NOT NULL,
				    name             VARCHAR(50)  NOT NULL,
				    unit             VARCHAR(100) NOT NULL,
				    id_number_enc    VARCHAR(200) NOT NULL,
				    id_number_masked VARCHAR(32)  NOT NULL,
				    phone_enc        VARCHAR(200) NOT NULL,
				    phone_masked     VARCHAR(20)  NOT NULL,
				    status           VARCHAR(48)  NOT NULL,
				    submitted_at     TIMESTAMP    NOT NULL,
				    score            INT          NOT NULL
				)""");
		long present = count(jdbc);
		if (present >= rows) {
			return 0;
		}
		Random random = new Random(present);
		LocalDateTime start = LocalDateTime.of(2026, 3, 1, 8, 0);
		List<Object[]> batch = new ArrayList<>();
		int added = 0;
		for (long id = present + 1; id <= rows; id++) {
			String idNumber = "350102" + (1970 + random.nextInt(35)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
					1 + random.nextInt(28), random.nextInt(1000)) + random.nextInt(10);
			String phone = "13" + String.format("%09d", random.nextInt(1_000_000_000));
			batch.add(new Object[] { id, String.format("2026%08d", id),
					SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
							+ GIVEN[random.nextInt(GIVEN.length)],
					UNITS[random.nextInt(UNITS.length)], cipher.encrypt(idNumber), Masking.maskIdNumber(idNumber),
					cipher.encrypt(phone), Masking.maskPhone(phone), STATUSES[random.nextInt(STATUSES.length)],
					Timestamp.valueOf(start.plusMinutes(id)), random.nextInt(100) });
			if (batch.size() == 5_000 || id == rows) {
				template.batchUpdate("""
						INSERT INTO bench_export_row (id, number, name, unit, id_number_enc, id_number_masked, phone_enc,
						                              phone_masked, status, submitted_at, score)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
				added += batch.size();
				batch.clear();
			}
		}
		return added;
	}
}

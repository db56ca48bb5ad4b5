package cn.medrecruit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import cn.medrecruit.IntegrationTest;

@IntegrationTest
class TableExportsTests {

	record Person(int number, String name, String phone, String phoneMasked, String idNumber, String status,
			List<String> roles, LocalDateTime at, LocalDate born, Boolean active) {
	}

	@Autowired
	TableExports exports;

	@Autowired
	JdbcClient jdbc;

	private final AtomicInteger fullPhonesRead = new AtomicInteger();

	private final TableExport<Person> table = TableExport.of("test-people", "admin.accounts.title",
			ExportColumn.value("admin.accounts.col.login-name", Person::number),
			ExportColumn.value("admin.accounts.col.name", Person::name),
			ExportColumn.phone("admin.accounts.col.phone", person -> {
				fullPhonesRead.incrementAndGet();
				return person.phone();
			}, Person::phoneMasked),
			ExportColumn.idNumber("admin.accounts.col.id-number", Person::idNumber),
			ExportColumn.message("admin.accounts.col.status", Person::status),
			ExportColumn.message("admin.accounts.col.roles", Person::roles),
			ExportColumn.value("admin.accounts.col.last-login", Person::at),
			ExportColumn.value("admin.accounts.col.actions", Person::born),
			ExportColumn.value("admin.accounts.col.institution", Person::active));

	private static List<Person> people(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> new Person(i, "姓名" + i, "1380000" + String.format("%04d", i), "138****" + String.format("%04d", i),
					"350102199503151230", i % 2 == 0 ? "admin.accounts.status.ENABLED" : "admin.accounts.status.DISABLED",
					List.of("role.CITY", "role.UNIT"), LocalDateTime.of(2026, 3, 1, 9, 5), LocalDate.of(1995, 3, 15),
					i % 3 == 0 ? null : i % 3 == 1))
			.toList();
	}

	@Test
	void aMaskedExportWritesEveryRowWithTranslatedTextsAndNeverReadsTheFullPhone() throws IOException {
		// more rows than one flush holds, so the sheet is written in several pieces
		int count = TableExports.FLUSH_EVERY * 2 + 7;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long written = exports.write(table, Disclosure.MASKED, sink -> people(count).forEach(sink), out);

		assertThat(written).isEqualTo(count);
		assertThat(fullPhonesRead).hasValue(0);
		XlsxSheet sheet = XlsxSheet.read(out.toByteArray());
		assertThat(sheet.name()).isEqualTo("账号管理");
		assertThat(sheet.header()).containsExactly("登录名", "姓名", "手机", "证件号码", "状态", "角色", "最近登录", "操作", "所属机构");
		assertThat(sheet.rows()).hasSize(count);
		List<String> first = sheet.rows().get(1);
		assertThat(first.get(0)).isEqualTo("1");
		assertThat(first.get(1)).isEqualTo("姓名1");
		assertThat(first.get(2)).isEqualTo("138****0001");
		assertThat(first.get(3)).isEqualTo("350102********1230");
		assertThat(first.get(4)).isEqualTo("禁用");
		assertThat(first.get(5)).isEqualTo("市级/考点、单位");
		assertThat(first.get(6)).isEqualTo("2026-03-01 09:05");
		assertThat(first.get(7)).isEqualTo("1995-03-15");
		assertThat(first.get(8)).isEqualTo("是");
		assertThat(sheet.column("所属机构").get(0)).isEmpty();
		assertThat(sheet.column("证件号码")).noneMatch(id -> id.contains("19950315"));
		assertThat(sheet.rows().get(count - 1).get(1)).isEqualTo("姓名" + (count - 1));
	}

	@Test
	void aFullExportShowsThePersonalNumbers() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exports.write(table, Disclosure.FULL, sink -> people(3).forEach(sink), out);

		XlsxSheet sheet = XlsxSheet.read(out.toByteArray());
		assertThat(sheet.column("手机")).containsExactly("13800000000", "13800000001", "13800000002");
		assertThat(sheet.column("证件号码")).containsOnly("350102199503151230");
	}

	@Test
	void aDownloadNamesTheFileInChineseAndIsAudited() throws IOException {
		long mark = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").query(Long.class).single();
		MockHttpServletResponse response = new MockHttpServletResponse();

		long written = exports.download(table, "/people?q=x", Disclosure.MASKED, sink -> people(4).forEach(sink),
				response);

		assertThat(written).isEqualTo(4);
		assertThat(response.getContentType()).isEqualTo(TableExports.CONTENT_TYPE);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		// 账号管理 in UTF-8, then the time stamp of the test clock
		assertThat(response.getHeader("Content-Disposition"))
			.matches("attachment; filename=\"test-people-\\d{8}-\\d{4}\\.xlsx\"; "
					+ "filename\\*=UTF-8''%E8%B4%A6%E5%8F%B7%E7%AE%A1%E7%90%86-\\d{8}-\\d{4}\\.xlsx");
		assertThat(XlsxSheet.read(response.getContentAsByteArray()).rows()).hasSize(4);
		assertThat(jdbc.sql("""
				SELECT action || ' ' || target || ' ' || outcome || ' ' || detail FROM audit_entry
				 WHERE id > :mark AND target = 'list:test-people'""").param("mark", mark).query(String.class).list())
			.containsExactly("TABLE_EXPORTED list:test-people SUCCESS rows=4; disclosure=MASKED; filters=/people?q=x");
	}

	@Test
	void aDownloadThatBreaksOffIsAuditedAsAFailureWithTheRowsSentSoFar() {
		long mark = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").query(Long.class).single();
		MockHttpServletResponse response = new MockHttpServletResponse() {
			@Override
			public jakarta.servlet.ServletOutputStream getOutputStream() {
				return new jakarta.servlet.ServletOutputStream() {
					private int bytes;

					@Override
					public void write(int b) throws IOException {
						if (++bytes > 20_000) {
							throw new IOException("the browser went away");
						}
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(jakarta.servlet.WriteListener listener) {
					}
				};
			}
		};

		assertThatThrownBy(() -> exports.download(table, "", Disclosure.MASKED,
				sink -> people(50_000).forEach(sink), response)).isInstanceOf(IOException.class);

		String detail = jdbc.sql("""
				SELECT outcome || ' ' || detail FROM audit_entry WHERE id > :mark AND target = 'list:test-people'""")
			.param("mark", mark)
			.query(String.class)
			.single();
		assertThat(detail).startsWith("FAILURE rows=").doesNotContain("rows=50000");
	}

	@Test
	void namesAreMadeSafeForExcelAndOldBrowsers() {
		assertThat(TableExports.sheetName("名单[2026]/福州:一*二?三\\四")).isEqualTo("名单 2026  福州 一 二 三 四");
		assertThat(TableExports.sheetName("很".repeat(40))).hasSize(31);
		assertThat(TableExports.contentDisposition("a b.xlsx", "名 单.xlsx"))
			.isEqualTo("attachment; filename=\"a_b.xlsx\"; filename*=UTF-8''%E5%90%8D%20%E5%8D%95.xlsx");
	}

	@Test
	void theWorkbookLeavesTheCallersStreamOpen() throws IOException {
		AtomicInteger closes = new AtomicInteger();
		OutputStream out = new ByteArrayOutputStream() {
			@Override
			public void close() {
				closes.incrementAndGet();
			}
		};
		exports.write(table, Disclosure.MASKED, sink -> people(1).forEach(sink), out);
		assertThat(closes).hasValue(0);
	}
}

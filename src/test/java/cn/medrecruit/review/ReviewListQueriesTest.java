package cn.medrecruit.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.IntegrationTest;

/**
 * The tuned list queries answer exactly what the plain ones do: the batch list against {@code SELECT DISTINCT}, and
 * keyset pages, walked to the end over rows that share submission times, against one ordered query (the counts are
 * checked against the plain queries by {@code ReviewTalliesTest}).
 */
@IntegrationTest
class ReviewListQueriesTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	ReviewStore store;

	@Autowired
	JdbcClient jdbc;

	long holder;

	String scope;

	@BeforeEach
	void rows() {
		holder = 800_000_000L + System.nanoTime() % 100_000_000L;
		scope = "/" + holder + "/";
		Instant start = Instant.parse("2026-03-01T00:00:00Z");
		String[] states = { "PENDING", "PENDING", "APPROVED", "RETURNED", "PENDING", "REJECTED" };
		for (int i = 0; i < 120; i++) {
			jdbc.sql("""
					INSERT INTO review_request (kind, subject_id, applicant_account_id, applicant_name, id_tail,
					  reference_number, program_code, cohort_id, batch_id, unit_institution_id, unit_path,
					  first_submitted_at, submitted_at, round_no, state, stage_index, stage_level,
					  holder_institution_id, updated_at, version)
					VALUES ('APPLICATION', :subject, :subject, :name, '1234', :ref, 'residency', 1, :batch, 1, :path,
					  :at, :at, 1, :state, 0, 'COUNTY', :holder, :at, 0)""")
				.param("subject", holder * 1000 + i)
				.param("name", (i % 3 == 0 ? "张" : "李") + i)
				.param("ref", "T" + holder + "-" + i)
				.param("batch", 1000 + (i * 7) % 9)
				.param("path", scope + (i % 4) + "/")
				// eight rows share each submission time: the id breaks the ties
				.param("at", Timestamp.from(start.plusSeconds(60L * (i % 15))))
				.param("state", states[i % states.length])
				.param("holder", holder)
				.update();
		}
	}

	/** The rows belong to no real institution: other tests that count every holder's items must not see them. */
	@AfterEach
	void removeRows() {
		jdbc.sql("DELETE FROM review_decision WHERE holder_institution_id = :h").param("h", holder).update();
		jdbc.sql("DELETE FROM review_request WHERE holder_institution_id = :h").param("h", holder).update();
	}

	@Test
	void theBatchListIsTheDistinctBatchesNewestFirst() {
		List<Long> plain = jdbc.sql("""
				SELECT DISTINCT batch_id FROM review_request WHERE holder_institution_id = :h AND state = 'PENDING'
				 ORDER BY batch_id DESC LIMIT 100""")
			.param("h", holder)
			.query(Long.class)
			.list();
		assertThat(plain).hasSizeGreaterThan(3);
		assertThat(store.pendingBatches(holder)).isEqualTo(plain);
		assertThat(store.pendingBatches(holder + 1)).isEmpty();
	}

	@Test
	void inboxPagesWalkEveryPendingRowOnceInBothOrders() {
		for (boolean newestFirst : new boolean[] { false, true }) {
			List<Long> plain = jdbc.sql("SELECT id FROM review_request WHERE holder_institution_id = :h"
					+ " AND state = 'PENDING' ORDER BY submitted_at" + (newestFirst ? " DESC, id DESC" : ", id"))
				.param("h", holder)
				.query(Long.class)
				.list();
			InboxQuery first = new InboxQuery(null, null, null, null, null, null, null, newestFirst, null, null);
			List<Long> paged = new ArrayList<>();
			for (InboxQuery q = first; q != null;) {
				List<ReviewRequest> page = store.inbox(holder, q, ZONE, 7);
				page.forEach(r -> paged.add(r.id()));
				q = page.size() < 7 ? null : first.after(page.get(6).submittedAt(), page.get(6).id());
			}
			assertThat(paged).hasSize(60).isEqualTo(plain);
		}
	}

	@Test
	void inboxPagesUnderCombinedFiltersAreThePlainQuerysRows() {
		long batch = 1000 + (3 * 7) % 9;
		for (boolean newestFirst : new boolean[] { false, true }) {
			List<Long> plain = jdbc.sql("SELECT id FROM review_request WHERE holder_institution_id = :h"
					+ " AND state = 'PENDING' AND program_code = 'residency' AND batch_id = :b"
					+ " AND (applicant_name LIKE '张%' OR id_tail = '张' OR reference_number = '张')"
					+ " AND submitted_at >= :from AND submitted_at < :to"
					+ " ORDER BY submitted_at" + (newestFirst ? " DESC, id DESC" : ", id"))
				.param("h", holder)
				.param("b", batch)
				.param("from", Timestamp.from(java.time.LocalDate.of(2026, 3, 1).atStartOfDay(ZONE).toInstant()))
				.param("to", Timestamp.from(java.time.LocalDate.of(2026, 3, 2).atStartOfDay(ZONE).toInstant()))
				.query(Long.class)
				.list();
			InboxQuery first = new InboxQuery("residency", null, batch, null, "张", java.time.LocalDate.of(2026, 3, 1),
					java.time.LocalDate.of(2026, 3, 1), newestFirst, null, null);
			List<Long> paged = new ArrayList<>();
			for (InboxQuery q = first; q != null;) {
				List<ReviewRequest> page = store.inbox(holder, q, ZONE, 2);
				page.forEach(r -> paged.add(r.id()));
				q = page.size() < 2 ? null : first.after(page.get(1).submittedAt(), page.get(1).id());
			}
			assertThat(plain).hasSizeGreaterThan(2);
			assertThat(paged).isEqualTo(plain);
			InboxQuery nobody = new InboxQuery("county-backbone", null, batch, null, "王", java.time.LocalDate.of(2026, 2, 1),
					java.time.LocalDate.of(2026, 3, 1), newestFirst, null, null);
			assertThat(store.inbox(holder, nobody, ZONE, 2)).isEmpty();
		}
	}

	@Test
	void areaPagesWalkTheSubtreeOnceNewestFirst() {
		List<Long> plain = jdbc.sql("SELECT id FROM review_request WHERE unit_path LIKE :scope"
				+ " AND (applicant_name LIKE '张%' OR id_tail = '张' OR reference_number = '张')"
				+ " ORDER BY submitted_at DESC, id DESC")
			.param("scope", scope + "%")
			.query(Long.class)
			.list();
		InboxQuery first = new InboxQuery(null, null, null, null, "张", null, null, true, null, null);
		List<Long> paged = new ArrayList<>();
		for (InboxQuery q = first; q != null;) {
			List<ReviewRequest> page = store.inArea(scope, null, q, ZONE, 6);
			page.forEach(r -> paged.add(r.id()));
			q = page.size() < 6 ? null : first.after(page.get(5).submittedAt(), page.get(5).id());
		}
		assertThat(paged).hasSize(40).isEqualTo(plain);
	}
}

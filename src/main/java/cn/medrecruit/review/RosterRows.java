package cn.medrecruit.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.ApplicantDirectory;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.InstitutionLookup;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.Batches;

/**
 * The rows of a 花名册: every page of a reviewer's list, read through the list's own queries from its first page in
 * chunks of {@value #CHUNK}. Per chunk one read of the last decisions, one of the units' names and one of the
 * applicants' numbers (decrypted only for a full disclosure), so the number of statements grows with the chunks, not
 * with the rows.
 */
@Component
class RosterRows {

	static final int CHUNK = 500;

	private final ReviewStore store;
	private final JdbcClient jdbc;
	private final ApplicantDirectory applicants;
	private final InstitutionLookup institutions;
	private final Batches batches;
	private final Clock clock;

	RosterRows(ReviewStore store, JdbcClient jdbc, ApplicantDirectory applicants, InstitutionLookup institutions,
			Batches batches, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.applicants = applicants;
		this.institutions = institutions;
		this.batches = batches;
		this.clock = clock;
	}

	/** One line of the roster; {@code idNumber} and {@code phone} in full or masked, as the export discloses. */
	record Line(ReviewRequest request, String idNumber, String phone, String unitName, String batchName,
			ReviewAction action, String opinion, Instant decidedAt) {
	}

	/** 待审: what the reviewer's institution holds, with the list's filters, from its first page. */
	@Transactional(readOnly = true)
	void inbox(CurrentUser reviewer, InboxQuery query, boolean full, Consumer<? super Line> sink) {
		if (reviewer.institutionId() == null) {
			return;
		}
		InboxQuery page = firstPage(query);
		Names names = new Names();
		while (true) {
			List<ReviewRequest> rows = store.inbox(reviewer.institutionId(), page, clock.getZone(), CHUNK);
			emit(rows, lastDecisions(rows), full, names, sink);
			if (rows.size() < CHUNK) {
				return;
			}
			ReviewRequest last = rows.get(rows.size() - 1);
			page = page.after(last.submittedAt(), last.id());
		}
	}

	/** The read-only search over the reviewer's subtree, with its state and keyword, from its first page. */
	@Transactional(readOnly = true)
	void area(CurrentUser reviewer, ReviewState state, InboxQuery query, boolean full, Consumer<? super Line> sink) {
		if (reviewer.getScopePath() == null) {
			return;
		}
		InboxQuery page = firstPage(query);
		Names names = new Names();
		while (true) {
			List<ReviewRequest> rows = store.inArea(reviewer.getScopePath(), state, page, clock.getZone(), CHUNK);
			emit(rows, lastDecisions(rows), full, names, sink);
			if (rows.size() < CHUNK) {
				return;
			}
			ReviewRequest last = rows.get(rows.size() - 1);
			page = page.after(last.submittedAt(), last.id());
		}
	}

	/** 已审: one line per decision of the reviewer's institution, newest first, with that decision. */
	@Transactional(readOnly = true)
	void decided(CurrentUser reviewer, boolean full, Consumer<? super Line> sink) {
		if (reviewer.institutionId() == null) {
			return;
		}
		Names names = new Names();
		Long before = null;
		while (true) {
			List<ReviewStore.Decided> rows = store.decidedBy(reviewer.institutionId(), before, CHUNK);
			Map<Long, ReviewRequest> requests = new HashMap<>();
			store.findAll(rows.stream().map(row -> row.decision().requestId()).distinct().toList())
				.forEach(request -> requests.put(request.id(), request));
			List<ReviewRequest> ordered = rows.stream().map(row -> requests.get(row.decision().requestId())).toList();
			Map<AccountId, ApplicantDirectory.PersonalNumbers> numbers = numbers(ordered, full);
			Map<Long, String> units = names.units(ordered);
			for (ReviewStore.Decided row : rows) {
				ReviewDecision decision = row.decision();
				sink.accept(line(requests.get(decision.requestId()), numbers, units, names,
						new Last(decision.action(), decision.opinion(), decision.at())));
			}
			if (rows.size() < CHUNK) {
				return;
			}
			before = rows.get(rows.size() - 1).decision().id();
		}
	}

	private static InboxQuery firstPage(InboxQuery query) {
		return new InboxQuery(query.program(), query.cohort(), query.batch(), query.stage(), query.q(), query.from(),
				query.to(), query.newestFirst(), null, null);
	}

	private void emit(List<ReviewRequest> rows, Map<Long, Last> decisions, boolean full, Names names,
			Consumer<? super Line> sink) {
		Map<AccountId, ApplicantDirectory.PersonalNumbers> numbers = numbers(rows, full);
		Map<Long, String> units = names.units(rows);
		for (ReviewRequest request : rows) {
			sink.accept(line(request, numbers, units, names, decisions.get(request.id())));
		}
	}

	private Line line(ReviewRequest request, Map<AccountId, ApplicantDirectory.PersonalNumbers> numbers,
			Map<Long, String> units, Names names, Last last) {
		ApplicantDirectory.PersonalNumbers personal = numbers.get(request.applicant());
		String idNumber = personal == null || personal.idNumber() == null ? maskedTail(request.idTail())
				: personal.idNumber();
		return new Line(request, idNumber, personal == null ? null : personal.phone(),
				request.unitInstitutionId() == null ? null : units.get(request.unitInstitutionId()),
				names.batch(request.batchId()), last == null ? null : last.action(),
				last == null ? null : last.opinion(), last == null ? null : last.at());
	}

	/** Without the identity at hand, the stored tail behind the mask a resident ID number shows. */
	private static String maskedTail(String tail) {
		return tail == null ? null : "*".repeat(14) + tail;
	}

	private Map<AccountId, ApplicantDirectory.PersonalNumbers> numbers(List<ReviewRequest> rows, boolean full) {
		Set<AccountId> ids = new HashSet<>();
		rows.forEach(row -> ids.add(row.applicant()));
		return applicants.personalNumbersOf(ids, full);
	}

	private record Last(ReviewAction action, String opinion, Instant at) {
	}

	/** The newest decision of each request that a reviewer made and nobody withdrew. */
	private Map<Long, Last> lastDecisions(List<ReviewRequest> rows) {
		Map<Long, Last> found = new HashMap<>();
		if (rows.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT d.request_id, d.action, d.opinion, d.decided_at FROM review_decision d
				 WHERE d.id IN (SELECT MAX(x.id) FROM review_decision x
				                 WHERE x.request_id IN (:ids) AND x.action IN ('APPROVE', 'REJECT', 'RETURN')
				                   AND NOT EXISTS (SELECT 1 FROM review_decision w WHERE w.withdraws_id = x.id)
				                 GROUP BY x.request_id)""")
			.param("ids", rows.stream().map(ReviewRequest::id).toList())
			.query((rs, n) -> found.put(rs.getLong("request_id"),
					new Last(ReviewAction.valueOf(rs.getString("action")), rs.getString("opinion"),
							rs.getTimestamp("decided_at").toInstant())))
			.list();
		return found;
	}

	/** Names looked up once per export (batches) or once per chunk (units). */
	private final class Names {

		private final Map<Long, String> batchNames = new HashMap<>();

		String batch(BatchId id) {
			return batchNames.computeIfAbsent(id.value(),
					key -> batches.find(id).map(batch -> batch.year() + " " + batch.name()).orElse(""));
		}

		Map<Long, String> units(List<ReviewRequest> rows) {
			List<Long> ids = new ArrayList<>();
			rows.forEach(row -> {
				if (row.unitInstitutionId() != null) {
					ids.add(row.unitInstitutionId());
				}
			});
			return institutions.namesOf(new HashSet<>(ids));
		}
	}
}

package cn.medrecruit.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.shared.InputRejected;

/**
 * 汇总提交: the holder of a stage that forwards by summary submission sends its approved, waiting requests of a batch
 * on to the next stage in one transaction, recorded as one summary with a log line per request. Submitting again
 * finds nothing waiting and changes nothing.
 */
@Service
public class SummarySubmissions {

	private final ReviewStore store;
	private final ReviewTallies tallies;
	private final WaitingForward forwarding;
	private final JdbcClient jdbc;
	private final Batches batches;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SummarySubmissions(ReviewStore store, ReviewTallies tallies, WaitingForward forwarding, JdbcClient jdbc,
			Batches batches, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.tallies = tallies;
		this.forwarding = forwarding;
		this.jdbc = jdbc;
		this.batches = batches;
		this.events = events;
		this.clock = clock;
	}

	/** What a summary submission did: the summary's id (none when nothing was waiting) and how many moved on. */
	public record Submitted(Long summaryId, int forwarded) {
	}

	/** One past summary of the holder. */
	public record Summary(long id, long batchId, StageLevel level, int count, String actor, Instant at) {
	}

	/** The reviewer's institution's waiting requests per batch (batch id → count), newest batch first. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> waitingPerBatch(CurrentUser reviewer) {
		return reviewer.institutionId() == null ? Map.of() : store.waitingPerBatch(reviewer.institutionId());
	}

	/** The waiting requests of one batch, in submission order (at most a thousand shown). */
	@Transactional(readOnly = true)
	public List<ReviewRequest> waiting(CurrentUser reviewer, long batch) {
		return reviewer.institutionId() == null ? List.of() : store.waiting(reviewer.institutionId(), batch, 1000);
	}

	@Transactional(readOnly = true)
	public List<Summary> recent(CurrentUser reviewer) {
		if (reviewer.institutionId() == null) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, batch_id, stage_level, item_count, actor, submitted_at FROM review_summary
				 WHERE holder_institution_id = :h ORDER BY id DESC LIMIT 20""")
			.param("h", reviewer.institutionId())
			.query((rs, n) -> new Summary(rs.getLong("id"), rs.getLong("batch_id"),
					StageLevel.valueOf(rs.getString("stage_level")), rs.getInt("item_count"), rs.getString("actor"),
					rs.getTimestamp("submitted_at").toInstant()))
			.list();
	}

	/**
	 * Forwards the reviewer's institution's waiting requests of the batch: all of them, or only the chosen ones. The
	 * requests are locked first, so a withdrawal and a summary of one request never both succeed.
	 *
	 * @param chosen request ids; empty for every waiting request of the batch
	 */
	@Transactional
	public Submitted submit(CurrentUser reviewer, long batch, Collection<Long> chosen) {
		Long holder = reviewer.institutionId();
		if (holder == null) {
			throw new InputRejected("batch", "review.refused.holder");
		}
		List<ReviewRequest> waiting = store.lockWaiting(holder, batch, chosen);
		if (waiting.isEmpty()) {
			return new Submitted(null, 0);
		}
		Instant now = clock.instant();
		ReviewRequest first = waiting.get(0);
		if (!batches.reviewOpen(new BatchId(batch), first.stageIndex(), now)) {
			throw new InputRejected("batch", "review.refused.window");
		}
		long summary = insertSummary(holder, batch, first, waiting.size(), reviewer, now);
		Map<Long, List<ReviewDecision>> logs = store.decisionsOf(waiting.stream().map(ReviewRequest::id).toList());
		ReviewTallies.Changes changes = new ReviewTallies.Changes();
		for (ReviewRequest request : waiting) {
			ReviewDecision line = forwarding.forward(request, ReviewAction.SUMMARY, reviewer, now,
					logs.get(request.id()), changes);
			jdbc.sql("INSERT INTO review_summary_item (summary_id, request_id, decision_id) VALUES (:s, :r, :d)")
				.param("s", summary)
				.param("r", request.id())
				.param("d", line.id())
				.update();
		}
		events.publishEvent(AuditEvent.success("REVIEW_SUMMARY_SUBMITTED", "review-summary:" + summary,
				"batch " + batch + " " + first.stageLevel().name() + " count " + waiting.size())
			.by(reviewer.loginName()));
		tallies.write(changes);
		return new Submitted(summary, waiting.size());
	}

	private long insertSummary(long holder, long batch, ReviewRequest first, int count, CurrentUser reviewer,
			Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO review_summary (holder_institution_id, batch_id, stage_index, stage_level, item_count,
				  actor_account_id, actor, submitted_at)
				VALUES (:h, :b, :stage, :level, :count, :account, :actor, :at)""")
			.param("h", holder)
			.param("b", batch)
			.param("stage", first.stageIndex())
			.param("level", first.stageLevel().name())
			.param("count", count)
			.param("account", reviewer.getAccountId())
			.param("actor", reviewer.loginName())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}
}

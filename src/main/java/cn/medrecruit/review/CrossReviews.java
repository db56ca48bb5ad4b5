package cn.medrecruit.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.organization.InstitutionFacts;
import cn.medrecruit.shared.InputRejected;

/**
 * 分配交叉审核: the holder of pending requests hands their current stage to a peer institution (same kind and level,
 * same superior), which then decides them with the usual actions. The route row of the stage for the round changes;
 * an assignment row and a log line keep who assigned it from whom to whom, and when.
 */
@Service
public class CrossReviews {

	private final ReviewStore store;
	private final ReviewTallies tallies;
	private final JdbcClient jdbc;
	private final InstitutionFacts institutions;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	CrossReviews(ReviewStore store, ReviewTallies tallies, JdbcClient jdbc, InstitutionFacts institutions,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.store = store;
		this.tallies = tallies;
		this.jdbc = jdbc;
		this.institutions = institutions;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** An institution the reviewer's institution may assign to. */
	public record Peer(long id, String name) {
	}

	/** The answer for one item: assigned, or the refusal's message key. */
	public record ItemResult(long requestId, String applicantName, boolean assigned, String messageKey) {
	}

	@Transactional(readOnly = true)
	public List<Peer> peers(CurrentUser reviewer) {
		if (reviewer.institutionId() == null) {
			return List.of();
		}
		return institutions.peersOf(reviewer.institutionId())
			.stream()
			.map(facts -> new Peer(facts.id(), facts.name()))
			.toList();
	}

	/**
	 * Assigns each chosen request, in a transaction of its own, to the target; the target must be a peer of the
	 * reviewer's institution, each request pending there at the version the reviewer saw.
	 *
	 * @param versions the version of each request as the reviewer saw it, by request id
	 */
	public List<ItemResult> assign(CurrentUser reviewer, Map<Long, Integer> versions, long target) {
		Peer peer = peers(reviewer).stream()
			.filter(candidate -> candidate.id() == target)
			.findFirst()
			.orElseThrow(() -> new InputRejected("target", "review.refused.cross-target"));
		List<ItemResult> results = new ArrayList<>();
		for (Map.Entry<Long, Integer> item : versions.entrySet()) {
			String name = store.nameHeldBy(item.getKey(), reviewer.institutionId());
			try {
				transactions.executeWithoutResult(status -> assignOne(reviewer, item.getKey(), item.getValue(), peer));
				results.add(new ItemResult(item.getKey(), name, true, "review.cross.assigned"));
			}
			catch (InputRejected refused) {
				results.add(new ItemResult(item.getKey(), name, false, refused.messageKey()));
			}
		}
		return results;
	}

	private void assignOne(CurrentUser reviewer, long requestId, int version, Peer peer) {
		ReviewRequest request = store.lock(requestId)
			.filter(found -> reviewer.institutionId().equals(found.holderInstitutionId()))
			.orElseThrow(() -> new InputRejected("request", "review.refused.holder"));
		if (request.version() != version) {
			throw new InputRejected("version", "review.refused.stale");
		}
		if (request.state() != ReviewState.PENDING) {
			throw new InputRejected("state", "review.refused.state");
		}
		RouteStage stage = store.route(requestId, request.round())
			.stream()
			.filter(candidate -> candidate.stageIndex() == request.stageIndex())
			.findFirst()
			.orElseThrow();
		Instant now = clock.instant();
		ReviewTallies.Facts before = new ReviewTallies.Facts(requestId, request.state(), request.holderInstitutionId(),
				store.decisions(requestId));
		ReviewDecision line = store.insertDecision(requestId, request.round(), stage, ReviewAction.ASSIGN, peer.name(),
				null, reviewer.getAccountId(), reviewer.loginName(), now);
		jdbc.sql("""
				INSERT INTO review_cross_assignment (request_id, round_no, stage_index, stage_level,
				  from_institution_id, to_institution_id, decision_id, actor_account_id, actor, assigned_at)
				VALUES (:r, :round, :stage, :level, :from, :to, :line, :account, :actor, :at)""")
			.param("r", requestId)
			.param("round", request.round())
			.param("stage", stage.stageIndex())
			.param("level", stage.level().name())
			.param("from", request.holderInstitutionId())
			.param("to", peer.id())
			.param("line", line.id())
			.param("account", reviewer.getAccountId())
			.param("actor", reviewer.loginName())
			.param("at", Timestamp.from(now))
			.update();
		store.reassign(requestId, request.round(), stage.stageIndex(), peer.id(), now);
		// not a decision: the applicant's status stays as it is, as does their right to cancel
		events.publishEvent(new RequestEnteredStage(request.kind(), request.subjectId(), request.id(),
				request.applicant(), stage.stageIndex(), stage.level(), peer.id(), false));
		events.publishEvent(AuditEvent.success("REVIEW_CROSS_ASSIGNED", "review:" + requestId,
				"stage " + stage.stageIndex() + " " + stage.level().name() + " from " + request.holderInstitutionId()
						+ " to " + peer.id())
			.by(reviewer.loginName()));
		tallies.write(new ReviewTallies.Changes().add(before, before.then(requestId, request.state(), peer.id(), line)));
	}
}

package cn.medrecruit.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.Access;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.Permission;
import cn.medrecruit.shared.InputRejected;

/**
 * 批量提交 (001's role table, row 16: 考区 and 考点): the reviewer chooses pending requests in 待审, for instance after
 * checking them against the exported 花名册 and the applicants' paper forms, and submits them on to the next stage in
 * one action. Each chosen request is approved with every rule of a single approval (holder, version, window, the
 * stage's image checks) and then goes on at once, also at a stage whose approvals otherwise wait for its 汇总提交
 * (汇总提交 sends a whole batch of already approved requests as one summary; 批量提交 sends the chosen ones, each on its
 * own). Every request runs in a transaction of its own, so one refused request does not hold back the others; the
 * answer lists each request's result. At the last stage the approval is final and there is nothing to submit on.
 */
@Service
public class BatchSubmissions {

	private final Reviews reviews;
	private final ReviewStore store;
	private final ReviewTallies tallies;
	private final WaitingForward forwarding;
	private final Access access;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	BatchSubmissions(Reviews reviews, ReviewStore store, ReviewTallies tallies, WaitingForward forwarding,
			Access access, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.reviews = reviews;
		this.store = store;
		this.tallies = tallies;
		this.forwarding = forwarding;
		this.access = access;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * The answer for one chosen request.
	 *
	 * @param submitted whether it was approved (and submitted on, unless the approval was final)
	 * @param messageKey what happened: submitted on, approved finally, or the refusal
	 */
	public record ItemResult(long requestId, String applicantName, boolean submitted, String messageKey) {
	}

	/**
	 * @param versions the version of each request as the reviewer saw it, by request id
	 * @param opinion the approval opinion for every request (empty: 同意)
	 */
	public List<ItemResult> submit(CurrentUser reviewer, Map<Long, Integer> versions, String opinion) {
		if (!access.can(UsernamePasswordAuthenticationToken.authenticated(reviewer, null, reviewer.getAuthorities()),
				Permission.REVIEW_BATCH_SUBMIT)) {
			throw new AccessDeniedException("批量提交 needs REVIEW_BATCH_SUBMIT");
		}
		List<ItemResult> results = new ArrayList<>();
		for (Map.Entry<Long, Integer> item : versions.entrySet()) {
			String name = store.nameHeldBy(item.getKey(), reviewer.institutionId());
			try {
				String done = transactions
					.execute(status -> submitOne(reviewer, item.getKey(), item.getValue(), opinion));
				results.add(new ItemResult(item.getKey(), name, true, done));
			}
			catch (InputRejected refused) {
				results.add(new ItemResult(item.getKey(), name, false, refused.messageKey()));
			}
		}
		long submitted = results.stream().filter(ItemResult::submitted).count();
		events.publishEvent(AuditEvent.success("REVIEW_BATCH_SUBMITTED", "institution:" + reviewer.institutionId(),
				"submitted " + submitted + " of " + results.size())
			.by(reviewer.loginName()));
		return results;
	}

	private String submitOne(CurrentUser reviewer, long requestId, int version, String opinion) {
		reviews.approve(reviewer, requestId, version, opinion);
		ReviewRequest request = store.lock(requestId).orElseThrow();
		if (request.state() == ReviewState.APPROVED) {
			return "review.batch-submit.final";
		}
		if (request.state() == ReviewState.WAITING) {
			// the stage forwards by 汇总提交: this one goes on now, on its own
			ReviewTallies.Changes changes = new ReviewTallies.Changes();
			ReviewDecision line = forwarding.forward(request, ReviewAction.SUBMIT, reviewer, clock.instant(),
					store.decisions(request.id()), changes);
			tallies.write(changes);
			events.publishEvent(AuditEvent.success("REVIEW_SUBMITTED", "review:" + request.id(),
					request.kind().name() + ":" + request.subjectId() + " stage " + line.stageIndex() + " "
							+ line.level().name())
				.by(reviewer.loginName()));
		}
		return "review.batch-submit.submitted";
	}
}

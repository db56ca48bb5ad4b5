package cn.medrecruit.application;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.notification.Notice;
import cn.medrecruit.notification.Notices;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.Placements;
import cn.medrecruit.review.DecisionWithdrawn;
import cn.medrecruit.review.RequestApproved;
import cn.medrecruit.review.RequestEnteredStage;
import cn.medrecruit.review.RequestKind;
import cn.medrecruit.review.RequestRejected;
import cn.medrecruit.review.RequestReturned;
import cn.medrecruit.review.ReviewAction;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/**
 * Follows the review engine's outcomes for applications, inside the deciding transaction: the status, the history,
 * the profile (editable again on a return) and the applicant's message by SMS and in the platform.
 */
@Component
class ReviewOutcomes {

	private final ApplicationStore store;
	private final ApplicantProfiles profiles;
	private final Placements placements;
	private final Batches batches;
	private final Notices notices;
	private final Texts texts;
	private final Clock clock;

	ReviewOutcomes(ApplicationStore store, ApplicantProfiles profiles, Placements placements, Batches batches,
			Notices notices, Texts texts, Clock clock) {
		this.store = store;
		this.profiles = profiles;
		this.placements = placements;
		this.batches = batches;
		this.notices = notices;
		this.texts = texts;
		this.clock = clock;
	}

	@EventListener
	void on(RequestEnteredStage entered) {
		if (entered.kind() != RequestKind.APPLICATION || !entered.byReviewer()) {
			return;
		}
		// the row alone: a batch approval moves hundreds of applications on, and this needs only the status
		ApplicationView application = underReview(store.lockRow(entered.subjectId()).orElseThrow());
		if (application.status() == ApplicationStatus.SUBMITTED) {
			move(application, application.status().reviewGoesOn(), "system", null);
		}
	}

	@EventListener
	void on(RequestReturned returned) {
		if (returned.kind() != RequestKind.APPLICATION) {
			return;
		}
		ApplicationView application = underReview(returned.subjectId());
		move(application, application.status().returned(), returned.actor(), returned.reason());
		profiles.reopen(returned.applicant());
		tell(application, returned.applicant(), "application.notice.returned", returned.reason());
	}

	@EventListener
	void on(RequestRejected rejected) {
		if (rejected.kind() != RequestKind.APPLICATION) {
			return;
		}
		ApplicationView application = underReview(rejected.subjectId());
		move(application, application.status().rejected(), rejected.actor(), rejected.reason());
		// a final rejection frees the city's quota place and the first choice's place for others, in the submit's order
		Long quotaCity = store.lockForChange(application.id()).map(ApplicationStore.Locked::quotaCityId).orElse(null);
		if (quotaCity != null) {
			placements.giveBackQuota(application.batchId(), quotaCity, application.specialtyId());
			store.setQuotaCity(application.id(), null);
		}
		placements.giveBack(application.batchId(), application.firstChoice(), application.specialtyId());
		if (store.countUnderReview(application.accountId()) == 0) {
			profiles.reopen(rejected.applicant());
		}
		tell(application, rejected.applicant(), "application.notice.rejected", rejected.reason());
	}

	@EventListener
	void on(RequestApproved approved) {
		if (approved.kind() != RequestKind.APPLICATION) {
			return;
		}
		ApplicationView application = underReview(approved.subjectId());
		move(application, application.status().approved(), approved.actor(), approved.opinion());
		tell(application, approved.applicant(), "application.notice.approved", approved.opinion());
	}

	/** 撤办 of a return: under review again, the profile frozen again, and the applicant told. */
	@EventListener
	void on(DecisionWithdrawn withdrawn) {
		if (withdrawn.kind() != RequestKind.APPLICATION || withdrawn.withdrawn() == ReviewAction.APPROVE) {
			return;
		}
		ApplicationView application = store.lock(withdrawn.subjectId()).orElseThrow();
		move(application, application.status().returnWithdrawn(), withdrawn.actor(), null);
		profiles.freeze(withdrawn.applicant());
		tell(application, withdrawn.applicant(), "application.notice.return-withdrawn", null);
	}

	/** The application under review, locked; one the applicant cancelled meanwhile refuses the decision. */
	private ApplicationView underReview(long id) {
		return underReview(store.lock(id).orElseThrow());
	}

	private static ApplicationView underReview(ApplicationView application) {
		if (!application.status().underReview()) {
			throw new InputRejected("state", "review.refused.state");
		}
		return application;
	}

	private void move(ApplicationView application, ApplicationStatus next, String actor, String reason) {
		Instant now = clock.instant();
		store.setStatus(application.id(), next, application.submittedAt(), now);
		store.addHistory(application.id(), application.status(), next, actor, reason, now);
	}

	private void tell(ApplicationView application, AccountId applicant, String key, String reason) {
		String batch = batches.find(application.batchId()).map(BatchView::name).orElse("");
		notices.send(applicant, new Notice(texts.get(key + ".subject"),
				texts.get(key + ".body", batch, reason == null ? "" : reason), "/applications/" + application.id(),
				true));
	}
}

package cn.medrecruit.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.Program;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/**
 * The reviewer's pages: 待审 (with batch approval), the request's detail with its three decisions, image checks and
 * corrections, 已审 with 撤办, the read-only search of the subtree and the province's list of stuck stages. A refused
 * action comes back as a message on the page it was made on, which then shows the request as it is now.
 */
@Controller
@PreAuthorize("@access.can('REVIEW_DECIDE')")
class ReviewController {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Reviews reviews;
	private final CrossReviews crossReviews;
	private final Batches batches;
	private final Texts texts;
	private final Clock clock;

	ReviewController(Reviews reviews, CrossReviews crossReviews, Batches batches, Texts texts, Clock clock) {
		this.reviews = reviews;
		this.crossReviews = crossReviews;
		this.batches = batches;
		this.texts = texts;
		this.clock = clock;
	}

	// ------------------------------------------------------------------------------------------ lists

	@GetMapping("/review")
	String inbox(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String program,
			@RequestParam(required = false) Long cohort, @RequestParam(required = false) Long batch,
			@RequestParam(required = false) StageLevel stage, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean newestFirst, @RequestParam(required = false) Long afterAt,
			@RequestParam(required = false) Long afterId, Model model) {
		InboxQuery query = new InboxQuery(program, cohort, batch, stage, q, from, to, newestFirst,
				afterAt == null ? null : Instant.ofEpochMilli(afterAt), afterId);
		InboxPage page = reviews.inbox(user, query);
		model.addAttribute("query", query);
		model.addAttribute("page", page);
		model.addAttribute("counts", reviews.counts(user));
		model.addAttribute("returnedNotice", reviews.returnedSinceSeen(user));
		model.addAttribute("batchNames", batchNames(page.rows()));
		List<Long> pendingBatches = reviews.pendingBatches(user);
		model.addAttribute("batchChoices", namesOfBatches(pendingBatches));
		model.addAttribute("cohortChoices", cohortsOf(pendingBatches));
		model.addAttribute("peers", crossReviews.peers(user));
		model.addAttribute("programs", Program.values());
		model.addAttribute("stages", StageLevel.values());
		model.addAttribute("times", this);
		return "review/inbox";
	}

	@GetMapping("/review/area")
	String area(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ReviewState state,
			@RequestParam(required = false) String q, @RequestParam(required = false) Long afterAt,
			@RequestParam(required = false) Long afterId, Model model) {
		InboxQuery query = new InboxQuery(null, null, null, null, q, null, null, true,
				afterAt == null ? null : Instant.ofEpochMilli(afterAt), afterId);
		InboxPage page = reviews.area(user, state, query);
		model.addAttribute("query", query);
		model.addAttribute("state", state);
		model.addAttribute("states", ReviewState.values());
		model.addAttribute("page", page);
		model.addAttribute("nextUri", page.next() == null ? null
				: UriComponentsBuilder.fromUriString(page.next().toUri("/review/area"))
					.queryParamIfPresent("state", java.util.Optional.ofNullable(state))
					.build()
					.toUriString());
		model.addAttribute("batchNames", batchNames(page.rows()));
		model.addAttribute("times", this);
		return "review/area";
	}

	@GetMapping("/review/decided")
	String decided(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long before,
			Model model) {
		List<Reviews.DecidedRow> rows = reviews.decided(user, before);
		model.addAttribute("rows", rows);
		model.addAttribute("counts", reviews.counts(user));
		model.addAttribute("next", rows.size() == InboxQuery.PAGE_SIZE ? rows.get(rows.size() - 1).decision().id() : null);
		model.addAttribute("times", this);
		return "review/decided";
	}

	@GetMapping("/review/stuck")
	@PreAuthorize("@access.can('REVIEW_STUCK_VIEW')")
	String stuck(Model model) {
		model.addAttribute("rows", reviews.stuck());
		return "review/stuck";
	}

	// ------------------------------------------------------------------------------------------ one request

	@GetMapping("/review/requests/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Reviews.ReviewDetail detail = reviews.detail(user, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("d", detail);
		model.addAttribute("r", detail.request());
		model.addAttribute("subject", detail.subject());
		detail.subject().model().forEach(model::addAttribute);
		model.addAttribute("batchView", batches.find(detail.request().batchId()).orElse(null));
		model.addAttribute("changedFields", changedFields(detail));
		model.addAttribute("evidenceByField", evidenceByField(detail.subject()));
		model.addAttribute("times", this);
		return "review/detail";
	}

	@PostMapping("/review/requests/{id}/approve")
	String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String opinion, RedirectAttributes redirect) {
		return act(redirect, id, "review.approved", () -> reviews.approve(user, id, version, opinion));
	}

	@PostMapping("/review/requests/{id}/reject")
	String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, id, "review.rejected", () -> reviews.reject(user, id, version, reason));
	}

	@PostMapping("/review/requests/{id}/return")
	String returnForChanges(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam int version, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, id, "review.returned", () -> reviews.returnForChanges(user, id, version, reason));
	}

	@PostMapping("/review/requests/{id}/images/{fileId}")
	String checkImage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long fileId,
			@RequestParam boolean consistent, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		String back = "redirect:/review/requests/" + id + "#evidence-" + fileId;
		try {
			reviews.checkImage(user, id, fileId, consistent, reason);
			redirect.addFlashAttribute("flashSuccess", texts.get("review.image-checked"));
		}
		catch (InputRejected refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.arguments()));
		}
		return back;
	}

	@PostMapping("/review/requests/{id}/corrections")
	String correct(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam String field, @RequestParam(required = false) String value,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, id, "review.corrected", () -> reviews.correct(user, id, version, field, value, reason));
	}

	@PostMapping("/review/batch-approve")
	String approveMany(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "items", required = false) List<String> items,
			@RequestParam(required = false) String opinion, RedirectAttributes redirect) {
		if (items == null || items.isEmpty()) {
			redirect.addFlashAttribute("flashError", texts.get("review.batch.none"));
			return "redirect:/review";
		}
		List<Reviews.ItemResult> results = reviews.approveMany(user, Reviews.versions(items), opinion);
		List<String> lines = new ArrayList<>();
		long approved = results.stream().filter(Reviews.ItemResult::approved).count();
		for (Reviews.ItemResult result : results) {
			lines.add(result.applicantName() + "：" + texts.get(result.messageKey(), Reviews.OPINION_LIMIT));
		}
		redirect.addFlashAttribute(approved == results.size() ? "flashSuccess" : "flashError",
				texts.get("review.batch.result", approved, results.size() - approved));
		redirect.addFlashAttribute("batchResults", lines);
		return "redirect:/review";
	}

	@PostMapping("/review/decisions/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			reviews.withdraw(user, id);
			redirect.addFlashAttribute("flashSuccess", texts.get("review.withdrawn"));
		}
		catch (InputRejected refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.arguments()));
		}
		return "redirect:/review/decided";
	}

	@PostMapping("/review/returned-notice/dismiss")
	String dismiss(@AuthenticationPrincipal CurrentUser user) {
		reviews.dismissReturned(user);
		return "redirect:/review/decided";
	}

	// ------------------------------------------------------------------------------------------ helpers

	public String format(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant.atZone(clock.getZone()));
	}

	private String act(RedirectAttributes redirect, long id, String doneKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", texts.get(doneKey));
		}
		catch (InputRejected refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.arguments()));
		}
		return "redirect:/review/requests/" + id;
	}

	private Map<Long, String> batchNames(List<ReviewRequest> rows) {
		Set<Long> ids = new HashSet<>();
		rows.forEach(row -> ids.add(row.batchId().value()));
		return namesOfBatches(ids);
	}

	private Map<Long, String> namesOfBatches(java.util.Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (Long id : ids) {
			batches.find(new BatchId(id)).ifPresent(batch -> names.put(id, batch.year() + " " + batch.name()));
		}
		return names;
	}

	/** The cohorts (program and year) of these batches, for the cohort filter. */
	private Map<Long, String> cohortsOf(List<Long> batchIds) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (Long id : batchIds) {
			batches.find(new BatchId(id)).ifPresent(batch -> names.putIfAbsent(batch.cohortId().value(),
					batch.year() + " " + texts.get(batch.program().messageKey())));
		}
		return names;
	}

	/** Fields the applicant changed after the last return (highlighted on the page). */
	private static Set<String> changedFields(Reviews.ReviewDetail detail) {
		Instant lastReturn = detail.decisions()
			.stream()
			.filter(decision -> decision.action() == ReviewAction.RETURN || decision.action() == ReviewAction.REJECT)
			.map(ReviewDecision::at)
			.reduce((first, second) -> second)
			.orElse(null);
		Set<String> changed = new HashSet<>();
		if (lastReturn != null) {
			detail.subject().changes().stream().filter(change -> change.at().isAfter(lastReturn))
				.forEach(change -> changed.add(change.field()));
		}
		return changed;
	}

	private static Map<String, List<ReviewSubject.Evidence>> evidenceByField(ReviewSubject subject) {
		Map<String, List<ReviewSubject.Evidence>> byField = new LinkedHashMap<>();
		for (ReviewSubject.Evidence evidence : subject.evidence()) {
			String key = evidence.fieldKey() == null
					|| subject.fields().stream().noneMatch(field -> field.key().equals(evidence.fieldKey())) ? ""
							: evidence.fieldKey();
			byField.computeIfAbsent(key, k -> new ArrayList<>()).add(evidence);
		}
		return byField;
	}
}

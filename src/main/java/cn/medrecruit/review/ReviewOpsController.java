package cn.medrecruit.review;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.Batches;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/**
 * 汇总提交 (the waiting requests per batch and the summaries sent), and 分配交叉审核 and 批量提交 of the requests chosen
 * in the inbox.
 */
@Controller
class ReviewOpsController {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SummarySubmissions summaries;
	private final CrossReviews crossReviews;
	private final BatchSubmissions batchSubmissions;
	private final Reviews reviews;
	private final Batches batches;
	private final Texts texts;
	private final Clock clock;

	ReviewOpsController(SummarySubmissions summaries, CrossReviews crossReviews, BatchSubmissions batchSubmissions,
			Reviews reviews, Batches batches, Texts texts, Clock clock) {
		this.summaries = summaries;
		this.crossReviews = crossReviews;
		this.batchSubmissions = batchSubmissions;
		this.reviews = reviews;
		this.batches = batches;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/review/summary")
	@PreAuthorize("@access.can('REVIEW_SUMMARY_SUBMIT')")
	String summary(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long batch,
			Model model) {
		Map<Long, Integer> waiting = summaries.waitingPerBatch(user);
		Long shown = batch != null ? batch : waiting.keySet().stream().findFirst().orElse(null);
		model.addAttribute("waiting", waiting);
		model.addAttribute("shownBatch", shown);
		model.addAttribute("rows", shown == null ? List.of() : summaries.waiting(user, shown));
		List<SummarySubmissions.Summary> recent = summaries.recent(user);
		Map<Long, String> names = new LinkedHashMap<>();
		waiting.keySet().forEach(id -> names.put(id, batchName(id)));
		recent.forEach(summary -> names.computeIfAbsent(summary.batchId(), this::batchName));
		model.addAttribute("batchNames", names);
		model.addAttribute("recent", recent);
		model.addAttribute("counts", reviews.counts(user));
		model.addAttribute("times", this);
		return "review/summary";
	}

	@PostMapping("/review/summary/{batch}")
	@PreAuthorize("@access.can('REVIEW_SUMMARY_SUBMIT')")
	String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long batch,
			@RequestParam(name = "items", required = false) List<Long> items, RedirectAttributes redirect) {
		try {
			SummarySubmissions.Submitted done = summaries.submit(user, batch, items == null ? List.of() : items);
			if (done.forwarded() == 0) {
				redirect.addFlashAttribute("flashError", texts.get("review.summary.nothing"));
			}
			else {
				redirect.addFlashAttribute("flashSuccess", texts.get("review.summary.done", done.forwarded()));
			}
		}
		catch (InputRejected refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.arguments()));
		}
		return "redirect:/review/summary";
	}

	@PostMapping("/review/cross-assign")
	@PreAuthorize("@access.can('REVIEW_CROSS_ASSIGN')")
	String assign(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "items", required = false) List<String> items,
			@RequestParam(required = false) Long target, RedirectAttributes redirect) {
		if (items == null || items.isEmpty()) {
			redirect.addFlashAttribute("flashError", texts.get("review.batch.none"));
			return "redirect:/review";
		}
		if (target == null) {
			redirect.addFlashAttribute("flashError", texts.get("review.refused.cross-target"));
			return "redirect:/review";
		}
		try {
			List<CrossReviews.ItemResult> results = crossReviews.assign(user, Reviews.versions(items), target);
			long assigned = results.stream().filter(CrossReviews.ItemResult::assigned).count();
			List<String> lines = new ArrayList<>();
			for (CrossReviews.ItemResult result : results) {
				lines.add(result.applicantName() + "：" + texts.get(result.messageKey()));
			}
			redirect.addFlashAttribute(assigned == results.size() ? "flashSuccess" : "flashError",
					texts.get("review.cross.result", assigned, results.size() - assigned));
			redirect.addFlashAttribute("batchResults", lines);
		}
		catch (InputRejected refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.arguments()));
		}
		return "redirect:/review";
	}

	@PostMapping("/review/batch-submit")
	@PreAuthorize("@access.can('REVIEW_DECIDE') and @access.can('REVIEW_BATCH_SUBMIT')")
	String batchSubmit(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "items", required = false) List<String> items,
			@RequestParam(required = false) String opinion, RedirectAttributes redirect) {
		if (items == null || items.isEmpty()) {
			redirect.addFlashAttribute("flashError", texts.get("review.batch.none"));
			return "redirect:/review";
		}
		List<BatchSubmissions.ItemResult> results = batchSubmissions.submit(user, Reviews.versions(items), opinion);
		long submitted = results.stream().filter(BatchSubmissions.ItemResult::submitted).count();
		List<String> lines = new ArrayList<>();
		for (BatchSubmissions.ItemResult result : results) {
			lines.add(result.applicantName() + "：" + texts.get(result.messageKey(), Reviews.OPINION_LIMIT));
		}
		redirect.addFlashAttribute(submitted == results.size() ? "flashSuccess" : "flashError",
				texts.get("review.batch-submit.result", submitted, results.size() - submitted));
		redirect.addFlashAttribute("batchResults", lines);
		return "redirect:/review";
	}

	public String format(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant.atZone(clock.getZone()));
	}

	private String batchName(long id) {
		return batches.find(new BatchId(id)).map(batch -> batch.year() + " " + batch.name()).orElse(String.valueOf(id));
	}
}

package cn.medrecruit.review;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.medrecruit.program.StageLevel;

/**
 * 导出 of the reviewer's lists: the same filters as the page (any cursor in the link is ignored; the file starts at the
 * first page) and the same queries, so the file holds the rows the screen shows over all its pages.
 */
@Controller
@PreAuthorize("@access.can('REVIEW_DECIDE') and @access.can('ROSTER_EXPORT')")
class ReviewRosterController {

	private final RosterExport export;

	ReviewRosterController(RosterExport export) {
		this.export = export;
	}

	@GetMapping("/review/export")
	void inbox(@RequestParam(required = false) String program, @RequestParam(required = false) Long cohort,
			@RequestParam(required = false) Long batch, @RequestParam(required = false) StageLevel stage,
			@RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean newestFirst, Authentication authentication,
			HttpServletResponse response) throws IOException {
		InboxQuery query = new InboxQuery(program, cohort, batch, stage, q, from, to, newestFirst, null, null);
		export.download((rows, reviewer, full, sink) -> rows.inbox(reviewer, query, full, sink),
				query.toUri("/review"), authentication, response);
	}

	@GetMapping("/review/area/export")
	void area(@RequestParam(required = false) ReviewState state, @RequestParam(required = false) String q,
			Authentication authentication, HttpServletResponse response) throws IOException {
		InboxQuery query = new InboxQuery(null, null, null, null, q, null, null, true, null, null);
		String filters = UriComponentsBuilder.fromUriString(query.toUri("/review/area"))
			.queryParamIfPresent("state", java.util.Optional.ofNullable(state))
			.build()
			.toUriString();
		export.download((rows, reviewer, full, sink) -> rows.area(reviewer, state, query, full, sink), filters,
				authentication, response);
	}

	@GetMapping("/review/decided/export")
	void decided(Authentication authentication, HttpServletResponse response) throws IOException {
		export.download((rows, reviewer, full, sink) -> rows.decided(reviewer, full, sink), "/review/decided",
				authentication, response);
	}
}

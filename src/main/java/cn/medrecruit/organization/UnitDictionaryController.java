package cn.medrecruit.organization;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unit dictionary for every signed-in person: a page with a search box, and the result list as a fragment that
 * htmx swaps in while typing (and that the applicants' profile reuses).
 */
@Controller
class UnitDictionaryController {

	static final String PAGE = "units/index";
	static final String RESULTS = "units/search :: results";

	private final UnitDictionary dictionary;

	UnitDictionaryController(UnitDictionary dictionary) {
		this.dictionary = dictionary;
	}

	@GetMapping("/units")
	String page(@RequestParam(required = false) String q, Model model) {
		search(q, model);
		return PAGE;
	}

	@GetMapping("/units/search")
	String results(@RequestParam(required = false) String q, Model model) {
		search(q, model);
		return RESULTS;
	}

	private void search(String q, Model model) {
		String text = q == null ? "" : q.strip();
		boolean tooShort = text.codePointCount(0, text.length()) < UnitDictionary.MIN_QUERY_LENGTH;
		UnitDictionary.Matches matches = tooShort ? new UnitDictionary.Matches(List.of(), false) : dictionary.find(text);
		model.addAttribute("q", text);
		model.addAttribute("tooShort", tooShort);
		model.addAttribute("units", matches.units());
		model.addAttribute("more", matches.more());
	}
}

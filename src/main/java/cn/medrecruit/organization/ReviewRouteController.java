package cn.medrecruit.organization;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.shared.InputRejected;

/** 审核路由: who does 单位审查, 报名点, 考点 and 考区 for each unit, and the province's routes per unit and per region. */
@Controller
@RequestMapping("/org/review-routes")
@PreAuthorize("@access.can('REVIEW_ROUTE_CONFIGURE')")
class ReviewRouteController {

	static final String LIST = "org/review-routes";
	static final String FORM = "org/review-route";

	private final RouteListing listing;
	private final ReviewRoutes routes;
	private final MessageSource messages;

	ReviewRouteController(RouteListing listing, ReviewRoutes routes, MessageSource messages) {
		this.listing = listing;
		this.routes = routes;
		this.messages = messages;
	}

	@InitBinder("routeForm")
	void binder(WebDataBinder binder) {
		binder.setAllowedFields("unitReview", "registrationPoint", "examSite", "examArea", "version");
	}

	@GetMapping
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) String after, @AuthenticationPrincipal CurrentUser user, Model model) {
		Long cursor = after != null && after.matches("[0-9]{1,18}") ? Long.valueOf(after) : null;
		RouteListing.Query query = new RouteListing.Query(region, q, cursor);
		List<RegionCatalogue.Region> regions = routes.regionsFor(user);
		RouteListing.Page page = listing.page(query, regions, user);
		Map<String, Map<RouteLevel, Long>> regionRoutes = routes.regionRoutes(regions);
		Set<Long> holderIds = new HashSet<>();
		regionRoutes.values().forEach(set -> holderIds.addAll(set.values()));
		model.addAttribute("query", query);
		model.addAttribute("page", page);
		model.addAttribute("levels", RouteLevel.values());
		model.addAttribute("regions", regions);
		model.addAttribute("regionRoutes", regionRoutes);
		model.addAttribute("holderNames", listing.namesOf(holderIds));
		model.addAttribute("nextUrl", page.nextAfter() == null ? null : listUrl(query.region(), query.keyword(), page.nextAfter()));
		model.addAttribute("firstUrl", cursor == null ? null : listUrl(query.region(), query.keyword(), null));
		return LIST;
	}

	@GetMapping("/units/{id}")
	String unitForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		ReviewRoutes.Target target = ReviewRoutes.Target.unit(id);
		model.addAttribute("routeForm", RouteForm.of(routes.find(target, user)));
		return form(target, user, model);
	}

	@PostMapping("/units/{id}")
	String saveUnit(@PathVariable long id, @ModelAttribute("routeForm") RouteForm form, BindingResult result,
			@RequestParam(required = false) String clear, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect) {
		return save(ReviewRoutes.Target.unit(id), form, result, clear != null, user, model, redirect);
	}

	@GetMapping("/regions/{code}")
	String regionForm(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
		ReviewRoutes.Target target = ReviewRoutes.Target.region(code);
		model.addAttribute("routeForm", RouteForm.of(routes.find(target, user)));
		return form(target, user, model);
	}

	@PostMapping("/regions/{code}")
	String saveRegion(@PathVariable String code, @ModelAttribute("routeForm") RouteForm form, BindingResult result,
			@RequestParam(required = false) String clear, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect) {
		return save(ReviewRoutes.Target.region(code), form, result, clear != null, user, model, redirect);
	}

	private String save(ReviewRoutes.Target target, RouteForm form, BindingResult result, boolean clear,
			CurrentUser user, Model model, RedirectAttributes redirect) {
		routes.find(target, user);
		Map<RouteLevel, Long> holders = clear ? new EnumMap<>(RouteLevel.class) : form.holders(result);
		if (form.getVersion() == null) {
			result.reject("validation.stale");
		}
		if (result.hasErrors()) {
			return form(target, user, model);
		}
		try {
			routes.save(target, form.getVersion(), holders, user);
		}
		catch (InputRejected rejected) {
			rejected.bindTo(result);
			return form(target, user, model);
		}
		catch (OptimisticLockingFailureException | DataIntegrityViolationException stale) {
			result.reject("validation.stale");
			return form(target, user, model);
		}
		String name = nameOf(target, user);
		redirect.addFlashAttribute("flashSuccess",
				text(holders.isEmpty() ? "review-route.cleared" : "review-route.saved", name));
		return "redirect:" + (target.unit() != null ? listUrl(null, name, null) : listUrl(target.region(), null, null));
	}

	private String form(ReviewRoutes.Target target, CurrentUser user, Model model) {
		Map<RouteLevel, List<ReviewRoutes.Choice>> choices = new EnumMap<>(RouteLevel.class);
		for (RouteLevel level : RouteLevel.values()) {
			choices.put(level, routes.choices(level, user));
		}
		model.addAttribute("target", target);
		model.addAttribute("targetName", nameOf(target, user));
		model.addAttribute("levels", RouteLevel.values());
		model.addAttribute("choices", choices);
		if (target.unit() != null) {
			model.addAttribute("resolved", listing.one(target.unit(), user).orElse(null));
		}
		return FORM;
	}

	private String nameOf(ReviewRoutes.Target target, CurrentUser user) {
		if (target.unit() != null) {
			return listing.one(target.unit(), user)
				.map(RouteListing.Row::name)
				.orElseThrow(() -> new AccessDeniedException("unit outside the data scope"));
		}
		return routes.regionsFor(user)
			.stream()
			.filter(region -> region.code().equals(target.region()))
			.findFirst()
			.map(RegionCatalogue.Region::name)
			.orElseThrow(() -> new AccessDeniedException("region outside the data scope"));
	}

	private static String listUrl(String region, String keyword, Long after) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/org/review-routes");
		if (region != null) {
			url.queryParam("region", region);
		}
		if (keyword != null) {
			url.queryParam("q", keyword);
		}
		if (after != null) {
			url.queryParam("after", after);
		}
		return url.build().encode().toUriString();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}

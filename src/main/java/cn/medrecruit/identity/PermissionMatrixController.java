package cn.medrecruit.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 角色权限: the matrix of functions by role. */
@Controller
@RequestMapping("/admin/permissions")
@PreAuthorize("@access.can('PERMISSION_CONFIGURE')")
class PermissionMatrixController {

	static final String VIEW = "admin/permissions";

	private final PermissionMatrix matrix;
	private final MessageSource messages;

	PermissionMatrixController(PermissionMatrix matrix, MessageSource messages) {
		this.matrix = matrix;
		this.messages = messages;
	}

	/** One checkbox of the page. */
	record Box(String key, boolean checked, boolean editable) {
	}

	record Line(Permission permission, List<Box> boxes) {
	}

	@GetMapping
	String show(@AuthenticationPrincipal CurrentUser user, Model model) {
		PermissionMatrix.Snapshot snapshot = matrix.read();
		List<Line> lines = List.of(Permission.values())
			.stream()
			.map(permission -> new Line(permission, List.of(Role.values())
				.stream()
				.map(role -> new PermissionMatrix.Cell(role, permission))
				.map(cell -> new Box(cell.key(), snapshot.has(cell.role(), cell.permission()),
						matrix.editable(cell, user)))
				.toList()))
			.toList();
		model.addAttribute("roles", Role.values());
		model.addAttribute("lines", lines);
		model.addAttribute("fingerprint", snapshot.fingerprint());
		model.addAttribute("adminColumnLocked", !user.has(Role.SYSTEM_ADMIN));
		return VIEW;
	}

	@PostMapping
	String save(@RequestParam(name = "grant", required = false) List<String> grants,
			@RequestParam(defaultValue = "") String fingerprint, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		List<PermissionMatrix.Cell> wanted = grants == null ? List.of()
				: grants.stream().map(PermissionMatrix.Cell::parse).flatMap(Optional::stream).toList();
		try {
			PermissionMatrix.Changes changes = matrix.save(wanted, fingerprint, user);
			redirect.addFlashAttribute("flashSuccess", changes.count() == 0 ? text("admin.permissions.unchanged")
					: text("admin.permissions.saved", changes.granted().size(), changes.revoked().size()));
		}
		catch (PermissionMatrix.StaleMatrixException e) {
			redirect.addFlashAttribute("flashError", text("admin.permissions.stale"));
		}
		return "redirect:/admin/permissions";
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}

package cn.medrecruit.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;

/**
 * Which role may use which function: reads the matrix and saves changed cells in one transaction, one audit line per
 * changed cell. Only a system administrator changes the system administrator's column, and nobody takes the matrix
 * itself away from the system administrator.
 */
@Service
public class PermissionMatrix {

	/** The one cell that is always granted (see {@link Access}). */
	public static final Cell FIXED = new Cell(Role.SYSTEM_ADMIN, Permission.PERMISSION_CONFIGURE);

	public record Cell(Role role, Permission permission) {

		public String key() {
			return role.name() + ":" + permission.name();
		}

		public String auditTarget() {
			return "role:" + role.name() + "/permission:" + permission.name();
		}

		/** Parses {@code ROLE:PERMISSION}; anything else is ignored. */
		public static Optional<Cell> parse(String key) {
			if (key == null) {
				return Optional.empty();
			}
			int colon = key.indexOf(':');
			if (colon < 0) {
				return Optional.empty();
			}
			try {
				return Optional.of(new Cell(Role.valueOf(key.substring(0, colon)),
						Permission.valueOf(key.substring(colon + 1))));
			}
			catch (IllegalArgumentException e) {
				return Optional.empty();
			}
		}
	}

	/** The matrix as read; the fingerprint lets a save notice that somebody else saved in between. */
	public record Snapshot(Set<Cell> granted) {

		public Snapshot {
			granted = Set.copyOf(granted);
		}

		public boolean has(Role role, Permission permission) {
			Cell cell = new Cell(role, permission);
			return cell.equals(FIXED) || granted.contains(cell);
		}

		public String fingerprint() {
			StringBuilder text = new StringBuilder();
			granted.stream().map(Cell::key).sorted().forEach(key -> text.append(key).append('\n'));
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException("SHA-256 is part of every JDK", e);
			}
		}
	}

	public record Changes(List<Cell> granted, List<Cell> revoked) {

		public int count() {
			return granted.size() + revoked.size();
		}
	}

	/** The matrix changed since the form was shown. */
	public static class StaleMatrixException extends RuntimeException {

		StaleMatrixException() {
			super("the permission matrix changed meanwhile");
		}
	}

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	PermissionMatrix(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Snapshot read() {
		Set<Cell> cells = new HashSet<>();
		jdbc.sql("SELECT role, permission FROM role_permission").query((rs, n) -> {
			// rows of roles or permissions that no longer exist in the code are left alone
			Cell.parse(rs.getString("role") + ":" + rs.getString("permission")).ifPresent(cells::add);
			return null;
		}).list();
		return new Snapshot(cells);
	}

	/** Whether the actor may change this cell. */
	public boolean editable(Cell cell, CurrentUser actor) {
		if (cell.equals(FIXED)) {
			return false;
		}
		return cell.role() != Role.SYSTEM_ADMIN || actor.has(Role.SYSTEM_ADMIN);
	}

	/**
	 * Makes the matrix equal {@code wanted} in the cells the actor may change; cells the actor may not change keep
	 * their value whatever was asked.
	 *
	 * @param expectedFingerprint the fingerprint of the snapshot the form showed
	 */
	@Transactional
	public Changes save(Collection<Cell> wanted, String expectedFingerprint, CurrentUser actor) {
		Snapshot current = read();
		if (!current.fingerprint().equals(expectedFingerprint)) {
			throw new StaleMatrixException();
		}
		Set<Cell> want = new HashSet<>(wanted);
		List<Cell> granted = new ArrayList<>();
		List<Cell> revoked = new ArrayList<>();
		for (Role role : Role.values()) {
			for (Permission permission : Permission.values()) {
				Cell cell = new Cell(role, permission);
				if (!editable(cell, actor)) {
					continue;
				}
				boolean has = current.granted().contains(cell);
				boolean wants = want.contains(cell);
				if (wants && !has) {
					jdbc.sql("INSERT INTO role_permission (role, permission) VALUES (:role, :permission)")
						.param("role", role.name())
						.param("permission", permission.name())
						.update();
					events.publishEvent(AuditEvent.success("PERMISSION_GRANTED", cell.auditTarget()));
					granted.add(cell);
				}
				else if (has && !wants) {
					jdbc.sql("DELETE FROM role_permission WHERE role = :role AND permission = :permission")
						.param("role", role.name())
						.param("permission", permission.name())
						.update();
					events.publishEvent(AuditEvent.success("PERMISSION_REVOKED", cell.auditTarget()));
					revoked.add(cell);
				}
			}
		}
		if (!granted.isEmpty() || !revoked.isEmpty()) {
			events.publishEvent(new Changed());
		}
		return new Changes(List.copyOf(granted), List.copyOf(revoked));
	}

	/** The matrix was saved with changes. */
	public record Changed() {
	}
}

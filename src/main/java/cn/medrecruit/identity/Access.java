package cn.medrecruit.identity;

import java.time.Duration;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Answers whether the signed-in person may use a function, from the permission matrix. Used as {@code @access} in
 * {@code @PreAuthorize} and in templates for the menu. The matrix is read at most every {@link #REFRESH} per node (a
 * page asks it a dozen times); the node that saves a change sees it at once, the others within that time.
 */
@Component("access")
public class Access {

	static final Duration REFRESH = Duration.ofSeconds(30);

	private final PermissionMatrix matrix;
	private volatile Loaded loaded;

	Access(PermissionMatrix matrix) {
		this.matrix = matrix;
	}

	private record Loaded(PermissionMatrix.Snapshot snapshot, long atNanos) {
	}

	public boolean can(String permission) {
		return can(SecurityContextHolder.getContext().getAuthentication(), Permission.valueOf(permission));
	}

	public boolean can(Authentication authentication, Permission permission) {
		if (!LoginFlow.isAuthenticatedUser(authentication)) {
			return false;
		}
		CurrentUser user = (CurrentUser) authentication.getPrincipal();
		// the system administrator can always reach the matrix, so nobody can lock the platform out of it
		if (permission == Permission.PERMISSION_CONFIGURE && user.has(Role.SYSTEM_ADMIN)) {
			return true;
		}
		PermissionMatrix.Snapshot snapshot = snapshot();
		return user.getRoles().stream().anyMatch(role -> snapshot.has(role, permission));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PermissionMatrix.Changed changed) {
		loaded = null;
	}

	private PermissionMatrix.Snapshot snapshot() {
		Loaded current = loaded;
		long now = System.nanoTime();
		if (current == null || now - current.atNanos() > REFRESH.toNanos()) {
			current = new Loaded(matrix.read(), now);
			loaded = current;
		}
		return current.snapshot();
	}
}

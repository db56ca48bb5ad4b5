package cn.medrecruit.review;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.medrecruit.identity.CurrentUser;

/**
 * {@code @reviewAlerts} in templates: the returned-items notice a reviewer sees after signing in (items their
 * institution approved that a later stage then returned or rejected, since they last looked).
 */
@Component("reviewAlerts")
public class ReviewAlerts {

	private final Reviews reviews;

	ReviewAlerts(Reviews reviews) {
		this.reviews = reviews;
	}

	public int returnedCount() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser)) {
			return 0;
		}
		return reviews.returnedSinceSeen((CurrentUser) authentication.getPrincipal());
	}
}

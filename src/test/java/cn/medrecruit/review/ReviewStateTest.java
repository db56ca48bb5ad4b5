package cn.medrecruit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import cn.medrecruit.program.OnReject;
import cn.medrecruit.shared.InputRejected;

class ReviewStateTest {

	@Test
	void everyTransitionFromPending() {
		assertThat(ReviewState.PENDING.advance()).isEqualTo(ReviewState.PENDING);
		assertThat(ReviewState.PENDING.approveFinally()).isEqualTo(ReviewState.APPROVED);
		assertThat(ReviewState.PENDING.reject(OnReject.ENDS)).isEqualTo(ReviewState.REJECTED);
		assertThat(ReviewState.PENDING.reject(OnReject.RETURNS)).isEqualTo(ReviewState.RETURNED);
		assertThat(ReviewState.PENDING.returnForChanges()).isEqualTo(ReviewState.RETURNED);
		assertThat(ReviewState.PENDING.withdraw()).isEqualTo(ReviewState.PENDING);
		assertThat(ReviewState.PENDING.cancel()).isEqualTo(ReviewState.CANCELLED);
		assertRefusedOutside(ReviewState::cancel, ReviewState.PENDING);
		assertRefusedOutside(ReviewState::advance, ReviewState.PENDING);
		assertRefusedOutside(ReviewState::approveFinally, ReviewState.PENDING);
		assertRefusedOutside(state -> state.reject(OnReject.ENDS), ReviewState.PENDING);
		assertRefusedOutside(state -> state.reject(OnReject.RETURNS), ReviewState.PENDING);
		assertRefusedOutside(ReviewState::returnForChanges, ReviewState.PENDING);
		assertThat(ReviewState.PENDING.awaitSummary()).isEqualTo(ReviewState.WAITING);
		assertRefusedOutside(ReviewState::awaitSummary, ReviewState.PENDING);
	}

	@Test
	void aWaitingRequestMovesOnBySummaryOrIsWithdrawn() {
		assertThat(ReviewState.WAITING.forwardBySummary()).isEqualTo(ReviewState.PENDING);
		assertRefusedOutside(ReviewState::forwardBySummary, ReviewState.WAITING);
		assertThat(ReviewState.WAITING.withdraw()).isEqualTo(ReviewState.PENDING);
		assertThat(ReviewState.RETURNED.withdraw()).isEqualTo(ReviewState.PENDING);
		assertRefusedOutside(ReviewState::withdraw, ReviewState.PENDING, ReviewState.WAITING, ReviewState.RETURNED);
	}

	@Test
	void onlyAReturnedOrCancelledRequestIsSubmittedAgain() {
		assertThat(ReviewState.RETURNED.resubmit()).isEqualTo(ReviewState.PENDING);
		assertThat(ReviewState.CANCELLED.resubmit()).isEqualTo(ReviewState.PENDING);
		assertRefusedOutside(ReviewState::resubmit, ReviewState.RETURNED, ReviewState.CANCELLED);
	}

	@Test
	void approvedAndRejectedAreFinal() {
		assertThat(EnumSet.allOf(ReviewState.class).stream().filter(ReviewState::isFinal))
			.containsExactlyInAnyOrder(ReviewState.APPROVED, ReviewState.REJECTED);
	}

	private static void assertRefusedOutside(Function<ReviewState, ReviewState> transition, ReviewState... allowed) {
		for (ReviewState state : ReviewState.values()) {
			if (!java.util.List.of(allowed).contains(state)) {
				assertThatThrownBy(() -> transition.apply(state)).as(state.name())
					.isInstanceOf(InputRejected.class)
					.satisfies(e -> assertThat(((InputRejected) e).messageKey()).isEqualTo("review.refused.state"));
			}
		}
	}
}

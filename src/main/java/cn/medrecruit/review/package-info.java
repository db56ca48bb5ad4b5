/**
 * The review engine: every request that walks a batch's chain of stages (applications now; training-year reductions,
 * change requests and leave later) with one reviewer inbox. A request is known by its kind and subject id; the module
 * that owns the subject shows it through {@link cn.medrecruit.review.ReviewSubjects} and learns the outcome from the
 * events published here ({@link cn.medrecruit.review.RequestEnteredStage}, {@link cn.medrecruit.review.RequestReturned},
 * {@link cn.medrecruit.review.RequestRejected}, {@link cn.medrecruit.review.RequestApproved},
 * {@link cn.medrecruit.review.DecisionWithdrawn}), inside the deciding transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package cn.medrecruit.review;

package cn.medrecruit.review;

import java.util.Optional;

import cn.medrecruit.shared.Actor;

/**
 * How the module that owns one kind of subject shows it to reviewers and takes their corrections. One bean per
 * {@link RequestKind}.
 */
public interface ReviewSubjects {

	RequestKind kind();

	/** The subject as a reviewer sees it, or empty when it is gone. */
	Optional<ReviewSubject> subject(long subjectId);

	/**
	 * Applies a reviewer's correction of one of the subject's {@link ReviewSubject.Field#correctable() correctable}
	 * fields, inside the caller's transaction; refuses an invalid value with an
	 * {@link cn.medrecruit.shared.InputRejected}.
	 */
	void correct(long subjectId, String fieldKey, String newValue, Actor actor);
}

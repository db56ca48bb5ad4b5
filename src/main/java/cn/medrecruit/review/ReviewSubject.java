package cn.medrecruit.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A subject as reviewers see it: its fields in words (each evidence image is shown beside the field it proves), an
 * optional Thymeleaf fragment with its model for the rest, the evidence images, and what the applicant changed since
 * the first submission.
 *
 * @param fragment a fragment expression such as {@code application/fragments :: summary}, or null
 * @param model the variables that fragment needs
 */
public record ReviewSubject(String fragment, Map<String, Object> model, List<Field> fields, List<Evidence> evidence,
		List<Change> changes) {

	/** One field in words; a correctable one is a text a reviewer may correct. */
	public record Field(String key, String label, String value, boolean correctable) {
	}

	/**
	 * One evidence image (or PDF).
	 *
	 * @param fieldKey the {@link Field#key()} it proves, or null for one that proves no single field
	 */
	public record Evidence(long fileId, String label, String fieldKey, String url, String thumbnailUrl,
			boolean image) {
	}

	/** A value the applicant changed after a submission. */
	public record Change(String field, String oldValue, String newValue, Instant at) {
	}
}

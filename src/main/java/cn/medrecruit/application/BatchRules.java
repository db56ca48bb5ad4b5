package cn.medrecruit.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.profile.ApplicantProfiles;
import cn.medrecruit.profile.ProfileCompleteness;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.SupplementaryFields;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/**
 * The batch's rules an applicant must meet, checked alike on step 1 (to say why a batch is closed to them), step 2,
 * step 4 and at submit: each person type's current-unit and graduation-year rule, and the supplementary fields.
 */
@Component
class BatchRules {

	private final ProfileCompleteness completeness;
	private final ApplicantProfiles profiles;
	private final SupplementaryFields fields;
	private final Texts texts;
	private final Clock clock;

	BatchRules(ProfileCompleteness completeness, ApplicantProfiles profiles, SupplementaryFields fields, Texts texts,
			Clock clock) {
		this.completeness = completeness;
		this.profiles = profiles;
		this.fields = fields;
		this.texts = texts;
		this.clock = clock;
	}

	/** A person type of the batch and what keeps the applicant from it ({@code refusal} empty: nothing). */
	record TypeAnswer(BatchView.PersonTypeRule rule, Optional<InputRejected> refusal) {

		public boolean eligible() {
			return refusal.isEmpty();
		}
	}

	List<TypeAnswer> eligibility(AccountId account, BatchView batch) {
		List<TypeAnswer> answers = new ArrayList<>();
		for (BatchView.PersonTypeRule rule : batch.personTypes()) {
			answers.add(new TypeAnswer(rule, refusal(account, batch, rule)));
		}
		return answers;
	}

	Optional<InputRejected> refusal(AccountId account, BatchView batch, BatchView.PersonTypeRule rule) {
		if (!completeness.meetsWorkUnitRule(account, rule.currentUnitRequired())) {
			return Optional.of(new InputRejected("personType", "application.validation.current-unit"));
		}
		return graduationRefusal(account, batch, rule);
	}

	/** The graduation-year rule alone; reads the profile only when the rule limits the years. */
	Optional<InputRejected> graduationRefusal(AccountId account, BatchView batch, BatchView.PersonTypeRule rule) {
		return rule.graduation().any() ? Optional.empty()
				: graduationRefusal(profiles.view(account).graduationYear().orElse(null), batch, rule);
	}

	/** The same for a graduation year already known, e.g. from the profile a submit has just frozen. */
	Optional<InputRejected> graduationRefusal(Integer year, BatchView batch, BatchView.PersonTypeRule rule) {
		if (!rule.graduation().admits(year, batch.year())) {
			String allowed = String.join(texts.get("application.list-separator"),
					rule.graduation().allowedYears(batch.year()).stream().map(String::valueOf).toList());
			return Optional.of(year == null
					? new InputRejected("personType", "application.validation.graduation-unknown", allowed)
					: new InputRejected("personType", "application.validation.graduation", allowed,
							String.valueOf(year)));
		}
		return Optional.empty();
	}

	/** The supplementary values to keep; with {@code complete}, every required field must be filled. */
	Map<String, String> checkFields(BatchView batch, Map<String, String> values, boolean complete) {
		return fields.check(batch, values, LocalDate.now(clock), complete);
	}
}

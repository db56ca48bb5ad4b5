package cn.medrecruit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class AuditChainTest {

	private static final String PREVIOUS = "a".repeat(64);

	private final AuditChain.Entry entry = new AuditChain.Entry(41, 7, Instant.parse("2026-03-01T02:03:04.005Z"),
			"350122", 12L, "10.0.0.8", "PASSWORD_RESET", "account:99", "SUCCESS", "by the county");

	@Test
	void sameInputGivesTheSameHash() {
		assertThat(AuditChain.hash(PREVIOUS, entry)).isEqualTo(AuditChain.hash(PREVIOUS, copy(entry)))
			.hasSize(64)
			.matches("[0-9a-f]{64}");
	}

	@Test
	void changingAnyFieldChangesTheHash() {
		String original = AuditChain.hash(PREVIOUS, entry);
		List<UnaryOperator<AuditChain.Entry>> edits = List.of(
				e -> new AuditChain.Entry(42, e.seq(), e.occurredAt(), e.actor(), e.institutionId(), e.ip(), e.action(), e.target(), e.outcome(), e.detail()),
				e -> new AuditChain.Entry(e.id(), 8, e.occurredAt(), e.actor(), e.institutionId(), e.ip(), e.action(), e.target(), e.outcome(), e.detail()),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt().plusMillis(1), e.actor(), e.institutionId(), e.ip(), e.action(), e.target(), e.outcome(), e.detail()),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), "350100", e.institutionId(), e.ip(), e.action(), e.target(), e.outcome(), e.detail()),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), 13L, e.ip(), e.action(), e.target(), e.outcome(), e.detail()),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), null, e.ip(), e.action(), e.target(), e.outcome(), e.detail()),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), e.institutionId(), "10.0.0.9", e.action(), e.target(), e.outcome(), e.detail()),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), e.institutionId(), e.ip(), "ACCOUNT_DISABLED", e.target(), e.outcome(), e.detail()),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), e.institutionId(), e.ip(), e.action(), "account:98", e.outcome(), e.detail()),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), e.institutionId(), e.ip(), e.action(), e.target(), "FAILURE", e.detail()),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), e.institutionId(), e.ip(), e.action(), e.target(), e.outcome(), "by the county!"),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), e.institutionId(), e.ip(), e.action(), e.target(), e.outcome(), null),
				e -> new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), e.institutionId(), e.ip(), e.action(), e.target(), e.outcome(), ""));
		for (UnaryOperator<AuditChain.Entry> edit : edits) {
			assertThat(AuditChain.hash(PREVIOUS, edit.apply(entry))).as("after %s", edit.apply(entry)).isNotEqualTo(original);
		}
		assertThat(AuditChain.hash("b".repeat(64), entry)).as("another previous hash").isNotEqualTo(original);
	}

	@Test
	void movingTextBetweenAdjacentFieldsChangesTheHash() {
		AuditChain.Entry split = new AuditChain.Entry(1, 1, entry.occurredAt(), "ab", 1L, "ip", "ACTION", "account:1",
				"SUCCESS", "cd");
		// the same characters in the same order, only the boundary between two fields moved
		AuditChain.Entry actionIntoTarget = new AuditChain.Entry(1, 1, entry.occurredAt(), "ab", 1L, "ip", "ACTIO",
				"Naccount:1", "SUCCESS", "cd");
		AuditChain.Entry targetIntoOutcome = new AuditChain.Entry(1, 1, entry.occurredAt(), "ab", 1L, "ip", "ACTION",
				"account:", "1SUCCESS", "cd");
		AuditChain.Entry outcomeIntoDetail = new AuditChain.Entry(1, 1, entry.occurredAt(), "ab", 1L, "ip", "ACTION",
				"account:1", "SUCCES", "Scd");
		// a separator-looking text must not let two fields pass for one
		AuditChain.Entry separatorInText = new AuditChain.Entry(1, 1, entry.occurredAt(), "ab", 1L, "ip", "ACTION",
				"account:1|7:SUCCESS", "", "cd");
		String original = AuditChain.hash(PREVIOUS, split);
		assertThat(List.of(actionIntoTarget, targetIntoOutcome, outcomeIntoDetail, separatorInText))
			.extracting(moved -> AuditChain.hash(PREVIOUS, moved))
			.doesNotContain(original)
			.doesNotHaveDuplicates();
	}

	private static AuditChain.Entry copy(AuditChain.Entry e) {
		return new AuditChain.Entry(e.id(), e.seq(), e.occurredAt(), e.actor(), e.institutionId(), e.ip(), e.action(),
				new String(e.target()), e.outcome(), new String(e.detail()));
	}
}

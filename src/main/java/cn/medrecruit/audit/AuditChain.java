package cn.medrecruit.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash of one entry: SHA-256 over the previous hash and every field, so editing any field breaks the chain. */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	record Entry(long id, long seq, Instant occurredAt, String actor, Long institutionId, String ip, String action,
			String target, String outcome, String detail) {
	}

	static String hash(String previousHash, Entry entry) {
		StringBuilder text = new StringBuilder(previousHash);
		append(text, entry.id());
		append(text, entry.seq());
		append(text, entry.occurredAt().toEpochMilli());
		append(text, entry.actor());
		append(text, entry.institutionId());
		append(text, entry.ip());
		append(text, entry.action());
		append(text, entry.target());
		append(text, entry.outcome());
		append(text, entry.detail());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	// length-prefixed, so that moving text from one field to the next changes the hash
	private static void append(StringBuilder text, Object value) {
		String field = value == null ? "\u0000" : value.toString();
		text.append('|').append(field.length()).append(':').append(field);
	}
}

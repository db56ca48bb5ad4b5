package cn.medrecruit.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.medrecruit.shared.PersonalDataCipher;
import cn.medrecruit.shared.Texts;

/**
 * Six-digit SMS codes: valid five minutes, single use, bound to phone and purpose; at most one a minute and ten a
 * day per phone and a daily cap per client address. Codes are stored only as keyed hashes.
 */
@Service
public class SmsCodes {

	static final int MAX_ATTEMPTS = 5;
	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private final JdbcClient jdbc;
	private final SmsGateway gateway;
	private final PersonalDataCipher cipher;
	private final SmsProperties properties;
	private final Texts texts;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final TransactionTemplate failedAttempts;

	SmsCodes(JdbcClient jdbc, SmsGateway gateway, PersonalDataCipher cipher, SmsProperties properties,
			Texts texts, Clock clock, PlatformTransactionManager transactions) {
		this.failedAttempts = new TransactionTemplate(transactions);
		this.failedAttempts.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.gateway = gateway;
		this.cipher = cipher;
		this.properties = properties;
		this.texts = texts;
		this.clock = clock;
	}

	public static boolean isMobile(String phone) {
		return phone != null && MOBILE.matcher(phone).matches();
	}

	/** Sends a new code, or answers the message key of the limit that refuses it. */
	@Transactional
	public Optional<String> send(String phone, SmsPurpose purpose, String clientAddress) {
		if (!isMobile(phone)) {
			return Optional.of("validation.phone");
		}
		String phoneHash = cipher.lookupHash(phone);
		Instant now = clock.instant();
		ZoneId zone = clock.getZone();
		Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
		int lastMinute = countByPhone(phoneHash, now.minus(Duration.ofMinutes(1)));
		int today = countByPhone(phoneHash, startOfDay);
		int fromAddress = jdbc.sql("SELECT COUNT(*) FROM sms_code WHERE requested_ip = :ip AND created_at >= :since")
			.param("ip", clientAddress)
			.param("since", Timestamp.from(startOfDay))
			.query(Integer.class)
			.single();
		Optional<String> refusal = SmsCodeRules.sendRefusal(lastMinute, today, fromAddress, properties.limits());
		if (refusal.isPresent()) {
			return refusal;
		}
		String code = SmsCodeRules.randomCode(random);
		jdbc.sql("""
				INSERT INTO sms_code (phone_hash, purpose, code_hash, requested_ip, created_at, expires_at, attempts)
				VALUES (:phone, :purpose, :code, :ip, :at, :expires, 0)""")
			.param("phone", phoneHash)
			.param("purpose", purpose.name())
			.param("code", codeHash(phoneHash, purpose, code))
			.param("ip", clientAddress)
			.param("at", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(properties.codeValidity())))
			.update();
		gateway.send(phone, texts.get("sms.message." + purpose.name(), code));
		return Optional.empty();
	}

	/**
	 * Checks a code and uses it up when right. Only the newest unexpired code counts; five wrong tries spend it.
	 * Runs in the caller's transaction, so a rejected form later in the same transaction gives the code back.
	 */
	@Transactional
	public boolean consume(String phone, SmsPurpose purpose, String code) {
		if (!isMobile(phone) || code == null || !code.trim().matches("\\d{6}")) {
			return false;
		}
		String phoneHash = cipher.lookupHash(phone);
		Instant now = clock.instant();
		record Issued(long id, String codeHash) {
		}
		Optional<Issued> newest = jdbc.sql("""
				SELECT id, code_hash FROM sms_code
				 WHERE phone_hash = :phone AND purpose = :purpose AND consumed_at IS NULL AND expires_at > :now
				   AND attempts < :max
				 ORDER BY created_at DESC, id DESC LIMIT 1""")
			.param("phone", phoneHash)
			.param("purpose", purpose.name())
			.param("now", Timestamp.from(now))
			.param("max", MAX_ATTEMPTS)
			.query((rs, n) -> new Issued(rs.getLong("id"), rs.getString("code_hash")))
			.optional();
		if (newest.isEmpty()) {
			return false;
		}
		if (!newest.get().codeHash().equals(codeHash(phoneHash, purpose, code.trim()))) {
			// counted in its own transaction: the caller's form rollback must not give the guess back
			failedAttempts.executeWithoutResult(status -> jdbc.sql("UPDATE sms_code SET attempts = attempts + 1 WHERE id = :id")
				.param("id", newest.get().id())
				.update());
			return false;
		}
		return jdbc.sql("UPDATE sms_code SET consumed_at = :now WHERE id = :id AND consumed_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("id", newest.get().id())
			.update() == 1;
	}

	private int countByPhone(String phoneHash, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM sms_code WHERE phone_hash = :phone AND created_at >= :since")
			.param("phone", phoneHash)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	private String codeHash(String phoneHash, SmsPurpose purpose, String code) {
		return cipher.lookupHash(phoneHash + ":" + purpose.name() + ":" + code);
	}
}

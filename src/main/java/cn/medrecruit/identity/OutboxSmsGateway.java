package cn.medrecruit.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

/**
 * Writes messages to the outbox table (and a line without the text to the log) instead of sending them. A carrier's
 * gateway replaces it by being declared as a {@code @Primary} {@link SmsGateway} bean.
 */
@Component
class OutboxSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(OutboxSmsGateway.class);

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final Clock clock;

	OutboxSmsGateway(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	record OutboxMessage(long id, String phoneMasked, String message, java.time.Instant createdAt) {
	}

	@Override
	public void send(String phone, String message) {
		jdbc.sql("INSERT INTO sms_outbox (phone_masked, phone_enc, message, created_at) VALUES (:masked, :enc, :message, :at)")
			.param("masked", Masking.maskPhone(phone))
			.param("enc", cipher.encrypt(phone))
			.param("message", message)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		log.info("SMS to {} written to the outbox", Masking.maskPhone(phone));
	}

	List<OutboxMessage> latest(int limit) {
		return jdbc.sql("SELECT id, phone_masked, message, created_at FROM sms_outbox ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new OutboxMessage(rs.getLong("id"), rs.getString("phone_masked"), rs.getString("message"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}
}

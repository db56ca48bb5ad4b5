package cn.medrecruit.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.AccountPhones;
import cn.medrecruit.identity.SmsGateway;

/**
 * Sends in-app messages, inside the caller's transaction: a decision rolled back tells nobody. A message asked to go
 * by SMS as well is texted to the account's phone; an account without one gets the in-app message only. The default
 * gateway writes to the outbox table in the same transaction, so a rollback takes the text back too.
 */
@Service
public class Notices {

	/** A text message stays within what the outbox and a few SMS segments hold. */
	static final int MAX_SMS_LENGTH = 300;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AccountPhones phones;
	private final SmsGateway sms;
	private final MessageSource messages;

	Notices(JdbcClient jdbc, Clock clock, AccountPhones phones, SmsGateway sms, MessageSource messages) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.phones = phones;
		this.sms = sms;
		this.messages = messages;
	}

	@Transactional
	public void send(AccountId recipient, Notice notice) {
		jdbc.sql("""
				INSERT INTO notice (account_id, subject, body, link, created_at)
				VALUES (:account, :subject, :body, :link, :at)""")
			.param("account", recipient.value())
			.param("subject", notice.subject())
			.param("body", notice.body())
			.param("link", notice.link())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		if (notice.bySms()) {
			phones.phoneOf(recipient).ifPresent(phone -> sms.send(phone, smsText(notice)));
		}
	}

	private String smsText(Notice notice) {
		String text = messages.getMessage("notice.sms.text", new Object[] { notice.subject(), notice.body() },
				Locale.SIMPLIFIED_CHINESE);
		return text.length() <= MAX_SMS_LENGTH ? text : text.substring(0, MAX_SMS_LENGTH);
	}
}

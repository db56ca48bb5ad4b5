package cn.medrecruit.identity;

/** Sends a text message. The default keeps it in the outbox table; a deployment plugs in its carrier's gateway. */
public interface SmsGateway {

	void send(String phone, String message);
}

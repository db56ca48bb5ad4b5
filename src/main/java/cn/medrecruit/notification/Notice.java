package cn.medrecruit.notification;

/**
 * One message to one person, already in words (the caller resolves its texts).
 *
 * @param link a path inside the platform the message points to, or null
 * @param bySms whether it is also sent as a text message to the account's phone
 */
public record Notice(String subject, String body, String link, boolean bySms) {
}

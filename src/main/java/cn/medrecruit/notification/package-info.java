/**
 * Telling people what happened: in-app messages (站内消息) and, when asked, a text message. Other modules call
 * {@link cn.medrecruit.notification.Notices}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package cn.medrecruit.notification;

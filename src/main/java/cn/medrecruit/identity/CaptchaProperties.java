package cn.medrecruit.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled switch off only for automated and load tests, never in production */
@ConfigurationProperties("medrecruit.captcha")
record CaptchaProperties(boolean enabled) {
}

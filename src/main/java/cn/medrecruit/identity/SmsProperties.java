package cn.medrecruit.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("medrecruit.sms")
record SmsProperties(Duration codeValidity, int perMinute, int perDay, int perIpPerDay) {

	SmsLimits limits() {
		return new SmsLimits(perMinute, perDay, perIpPerDay);
	}
}

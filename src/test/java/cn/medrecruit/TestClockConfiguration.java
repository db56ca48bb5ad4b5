package cn.medrecruit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.medrecruit.shared.PlatformProperties;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	TestClock testClock(PlatformProperties properties) {
		return new TestClock(properties.timeZone());
	}
}

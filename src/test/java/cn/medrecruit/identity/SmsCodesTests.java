package cn.medrecruit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.TestData;
import cn.medrecruit.TestClock;

@IntegrationTest
class SmsCodesTests {

	@Autowired
	SmsCodes codes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	SmsProperties properties;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void oneCodeAMinuteAndTenADayPerPhone() {
		String phone = TestData.uniquePhone();
		String address = uniqueAddress();
		assertThat(codes.send(phone, SmsPurpose.REGISTER, address)).isEmpty();
		assertThat(codes.send(phone, SmsPurpose.REGISTER, address)).contains("sms.too-frequent");
		for (int sent = 2; sent <= 10; sent++) {
			clock.advance(Duration.ofSeconds(61));
			assertThat(codes.send(phone, SmsPurpose.REGISTER, address)).as("code %d", sent).isEmpty();
		}
		clock.advance(Duration.ofSeconds(61));
		assertThat(codes.send(phone, SmsPurpose.REGISTER, address)).contains("sms.daily-limit");
	}

	@Test
	void oneAddressMayNotFanOutOverManyPhones() {
		String address = uniqueAddress();
		for (int i = 0; i < properties.perIpPerDay(); i++) {
			assertThat(codes.send(TestData.uniquePhone(), SmsPurpose.REGISTER, address)).isEmpty();
		}
		assertThat(codes.send(TestData.uniquePhone(), SmsPurpose.REGISTER, address)).contains("sms.ip-limit");
	}

	@Test
	void aCodeWorksOnceForItsPhoneAndPurposeWithinFiveMinutes() {
		String phone = TestData.uniquePhone();
		codes.send(phone, SmsPurpose.REGISTER, uniqueAddress());
		String code = SmsOutboxReader.latestCode(jdbc, phone);
		assertThat(codes.consume(phone, SmsPurpose.RESET_PASSWORD, code)).isFalse();
		assertThat(codes.consume(TestData.uniquePhone(), SmsPurpose.REGISTER, code)).isFalse();
		assertThat(codes.consume(phone, SmsPurpose.REGISTER, code)).isTrue();
		assertThat(codes.consume(phone, SmsPurpose.REGISTER, code)).isFalse();

		String other = TestData.uniquePhone();
		codes.send(other, SmsPurpose.REGISTER, uniqueAddress());
		String late = SmsOutboxReader.latestCode(jdbc, other);
		clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(codes.consume(other, SmsPurpose.REGISTER, late)).isFalse();
	}

	@Test
	void fiveWrongGuessesSpendTheCode() {
		String phone = TestData.uniquePhone();
		codes.send(phone, SmsPurpose.REGISTER, uniqueAddress());
		String code = SmsOutboxReader.latestCode(jdbc, phone);
		String wrong = code.equals("123456") ? "654321" : "123456";
		for (int i = 0; i < SmsCodes.MAX_ATTEMPTS; i++) {
			assertThat(codes.consume(phone, SmsPurpose.REGISTER, wrong)).isFalse();
		}
		assertThat(codes.consume(phone, SmsPurpose.REGISTER, code)).isFalse();
	}

	@Test
	void codesAreStoredOnlyAsHashes() {
		String phone = TestData.uniquePhone();
		codes.send(phone, SmsPurpose.REGISTER, uniqueAddress());
		String code = SmsOutboxReader.latestCode(jdbc, phone);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sms_code WHERE code_hash = :c").param("c", code).query(Integer.class)
			.single()).isZero();
	}

	private static String uniqueAddress() {
		return "10.9." + (System.nanoTime() % 250) + "." + (System.nanoTime() / 7 % 250);
	}
}

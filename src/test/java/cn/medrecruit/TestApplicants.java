package cn.medrecruit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.ApplicantRegistration;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.IdDocumentType;
import cn.medrecruit.identity.SmsCodes;
import cn.medrecruit.identity.SmsPurpose;
import cn.medrecruit.shared.Masking;

/** Registers fresh applicants through the real registration, for tests that need an applicant of their own. */
@Component
public class TestApplicants {

	public static final String PASSWORD = "Test#Pass2026";
	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private final ApplicantRegistration registration;
	private final SmsCodes smsCodes;
	private final JdbcClient jdbc;
	private final UserDetailsService users;

	TestApplicants(ApplicantRegistration registration, SmsCodes smsCodes, JdbcClient jdbc, UserDetailsService users) {
		this.registration = registration;
		this.smsCodes = smsCodes;
		this.jdbc = jdbc;
		this.users = users;
	}

	public record Registered(AccountId id, String loginName, String idNumber, String phone, CurrentUser principal) {
	}

	public Registered register(String realName) {
		String idNumber = TestData.uniqueResidentId();
		String phone = TestData.uniquePhone();
		String login = TestData.uniqueLoginName("a");
		smsCodes.send(phone, SmsPurpose.REGISTER, "127.0.0." + (System.nanoTime() % 200));
		String message = jdbc.sql("SELECT message FROM sms_outbox WHERE phone_masked = :m ORDER BY id DESC LIMIT 1")
			.param("m", Masking.maskPhone(phone))
			.query(String.class)
			.single();
		Matcher code = CODE.matcher(message);
		code.find();
		AccountId id = registration.register(
				registration.checkIdentity(realName, IdDocumentType.RESIDENT_ID, idNumber),
				new ApplicantRegistration.AccountDetails(login, PASSWORD, PASSWORD, phone, code.group(1)));
		return new Registered(id, login, idNumber, phone, (CurrentUser) users.loadUserByUsername(login));
	}
}

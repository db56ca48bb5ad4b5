package cn.medrecruit.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

/** The reviewer's own record (姓名, 职务, 科室, 联系电话), completed at first login as the account rules require. */
@Service
public class StaffProfile {

	private final Accounts accounts;
	private final PersonalDataCipher cipher;
	private final ApplicationEventPublisher events;

	StaffProfile(Accounts accounts, PersonalDataCipher cipher, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.cipher = cipher;
		this.events = events;
	}

	public record Details(String realName, String post, String department, String phone) {
	}

	@Transactional(readOnly = true)
	public Details of(AccountId id) {
		Account account = accounts.findById(id.value()).orElseThrow();
		String phone = account.phoneEnc == null ? null : cipher.decrypt(account.phoneEnc);
		return new Details(account.realName, account.post, account.department, phone);
	}

	@Transactional
	public void save(AccountId id, Details details) {
		String phone = details.phone().strip();
		accounts.completeStaffProfile(id.value(), details.realName().strip(), details.post().strip(),
				details.department().strip(), cipher.encrypt(phone), cipher.lookupHash(phone), Masking.maskPhone(phone));
		events.publishEvent(AuditEvent.success("STAFF_PROFILE_SAVED", "account:" + id.value()));
	}
}

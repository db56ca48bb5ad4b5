package cn.medrecruit.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.shared.DemoMode;
import cn.medrecruit.shared.Masking;
import cn.medrecruit.shared.PersonalDataCipher;

/**
 * Demo accounts with one known password: one staff account per role (institution administrators created with the
 * demo institutions, plus a system administrator and an auditor) and two applicants; then the reviewers of the exam
 * chain (福建考区, 福州考点 and 泉州考点, 连江县报名点) and four applicants whose applications the demo submits into that
 * chain. Those are added on any start where they are missing, so an older demo directory gets them too; an account
 * whose password someone already changed keeps it. Printed on every demo start; never outside the demo.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "Demo@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	record Staff(String loginName, String name, Role role, String note) {
	}

	record Applicant(String loginName, String name, String idNumber, String phone) {
	}

	static final List<Staff> STAFF = List.of(
			new Staff("admin", "系统管理员", Role.SYSTEM_ADMIN, "福建省卫生健康委员会"),
			new Staff("auditor", "审计员", Role.AUDITOR, "福建省卫生健康委员会"),
			new Staff("350000", "福建省卫生健康委员会", Role.PROVINCE, "省级/考区"),
			new Staff("350100", "福州市卫生健康委员会", Role.CITY, "市级"),
			new Staff("350122", "连江县卫生健康局", Role.COUNTY, "县级"),
			new Staff("35012205", "连江县医院", Role.UNIT, "单位"),
			new Staff("35000101", "福建医科大学附属第一医院", Role.BASE, "培训基地"));

	static final List<Applicant> APPLICANTS = List.of(
			new Applicant("zhangsan", "张三", "350102199503151230", "13800000001"),
			new Applicant("lisi", "李思", "350524199307124569", "13800000002"));

	/** The administrators of the exam chain's institutions (made with them), given the demo password. */
	static final List<Staff> REVIEW_STAFF = List.of(
			new Staff("35KQ", "福建考区", Role.PROVINCE, "考区"),
			new Staff("3501KD", "福州考点", Role.CITY, "考点"),
			new Staff("3505KD", "泉州考点", Role.CITY, "考点（交叉审核）"),
			new Staff("350122BM", "连江县报名点", Role.COUNTY, "报名点"));

	/** Applicants of 连江县医院 whose exam applications the demo submits (see the application module's demo). */
	static final List<Applicant> REVIEW_APPLICANTS = List.of(
			new Applicant("wangwu", "王武", "350122199204051235", "13800000003"),
			new Applicant("zhaoliu", "赵柳", "350122199408172346", "13800000004"),
			new Applicant("sunqi", "孙启", "350122199111233451", "13800000005"),
			new Applicant("zhoulan", "周兰", "350122199602124567", "13800000006"));

	private final DemoMode demo;
	private final Accounts accounts;
	private final PasswordEncoder encoder;
	private final PersonalDataCipher cipher;
	private final Clock clock;

	DemoAccounts(DemoMode demo, Accounts accounts, PasswordEncoder encoder, PersonalDataCipher cipher, Clock clock) {
		this.demo = demo;
		this.accounts = accounts;
		this.encoder = encoder;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.isActive()) {
			return;
		}
		if (!accounts.existsByLoginName("admin")) {
			load();
		}
		loadReviewDemo();
		print();
	}

	private void load() {
		Account province = accounts.findByLoginName("350000").orElseThrow();
		Instant now = clock.instant();
		String hash = encoder.encode(PASSWORD);
		for (Staff staff : STAFF) {
			Account account = accounts.findByLoginName(staff.loginName()).orElseGet(() -> {
				Account created = newAccount(staff.loginName(), AccountKind.STAFF, hash, now);
				created.institutionId = province.institutionId;
				created.institutionPath = province.institutionPath;
				created.roles.add(new Account.AccountRole(staff.role()));
				return created;
			});
			account.realName = staff.name();
			account.post = "科员";
			account.department = "人事科";
			setPhone(account, "13900000000");
			account.passwordHash = hash;
			account.mustChangePassword = false;
			account.profileRequired = false;
			accounts.save(account);
		}
		for (Applicant applicant : APPLICANTS) {
			accounts.save(applicantAccount(applicant, hash, now));
		}
	}

	private void loadReviewDemo() {
		Instant now = clock.instant();
		String hash = null;
		for (Staff staff : REVIEW_STAFF) {
			Optional<Account> found = accounts.findByLoginName(staff.loginName());
			// made with its institution; untouched until somebody sets its password
			if (found.isEmpty() || !found.get().mustChangePassword) {
				continue;
			}
			hash = hash == null ? encoder.encode(PASSWORD) : hash;
			Account account = found.get();
			account.realName = staff.name();
			account.post = "科员";
			account.department = "考务科";
			setPhone(account, "13900000000");
			account.passwordHash = hash;
			account.passwordChangedAt = now;
			account.mustChangePassword = false;
			account.profileRequired = false;
			accounts.save(account);
		}
		for (Applicant applicant : REVIEW_APPLICANTS) {
			if (accounts.existsByLoginName(applicant.loginName())) {
				continue;
			}
			hash = hash == null ? encoder.encode(PASSWORD) : hash;
			accounts.save(applicantAccount(applicant, hash, now));
		}
	}

	private Account applicantAccount(Applicant applicant, String hash, Instant now) {
		Account account = newAccount(applicant.loginName(), AccountKind.APPLICANT, hash, now);
		account.realName = applicant.name();
		account.idType = IdDocumentType.RESIDENT_ID;
		account.idNumberEnc = cipher.encrypt(applicant.idNumber());
		account.idNumberHash = cipher.lookupHash(applicant.idNumber());
		account.idNumberMasked = Masking.maskIdNumber(applicant.idNumber());
		setPhone(account, applicant.phone());
		account.roles = Set.of(new Account.AccountRole(Role.APPLICANT));
		return account;
	}

	private void setPhone(Account account, String phone) {
		account.phoneEnc = cipher.encrypt(phone);
		account.phoneHash = cipher.lookupHash(phone);
		account.phoneMasked = Masking.maskPhone(phone);
	}

	private static Account newAccount(String loginName, AccountKind kind, String hash, Instant now) {
		Account account = new Account();
		account.loginName = loginName;
		account.kind = kind;
		account.passwordHash = hash;
		account.passwordChangedAt = now;
		account.enabled = true;
		account.createdAt = now;
		return account;
	}

	private void print() {
		StringBuilder table = new StringBuilder("\n\n  Demo accounts (password for all: ").append(PASSWORD).append(")\n");
		for (Staff staff : STAFF) {
			table.append(String.format("    %-10s %-14s %s%n", staff.loginName(), staff.role(), staff.name()));
		}
		for (Staff staff : REVIEW_STAFF) {
			table.append(String.format("    %-10s %-14s %s%n", staff.loginName(), staff.role(), staff.name()));
		}
		for (Applicant applicant : APPLICANTS) {
			table.append(String.format("    %-10s %-14s %s (ID %s)%n", applicant.loginName(), Role.APPLICANT,
					applicant.name(), applicant.idNumber()));
		}
		for (Applicant applicant : REVIEW_APPLICANTS) {
			table.append(String.format("    %-10s %-14s %s (ID %s, exam application submitted)%n",
					applicant.loginName(), Role.APPLICANT, applicant.name(), applicant.idNumber()));
		}
		log.info(table.toString());
	}
}

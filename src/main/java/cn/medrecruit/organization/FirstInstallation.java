package cn.medrecruit.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.IssuedPassword;
import cn.medrecruit.identity.NewStaffAccount;
import cn.medrecruit.identity.Role;
import cn.medrecruit.identity.StaffAccounts;
import cn.medrecruit.shared.DemoMode;
import cn.medrecruit.shared.PlatformProperties;

/**
 * A real installation starts empty. Given the province's code and names, the first start creates the province, its
 * health commission and a system administrator, and writes their one-time passwords to a file readable only by the
 * owner, never to the log.
 */
@Component
@Order(5)
class FirstInstallation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstInstallation.class);

	private final DemoMode demo;
	private final Institutions institutions;
	private final RegionCatalogue regions;
	private final InstitutionRegistry registry;
	private final StaffAccounts staffAccounts;
	private final Path passwordFile;
	private final String provinceCode;
	private final String provinceName;
	private final String commissionName;

	FirstInstallation(DemoMode demo, Institutions institutions, RegionCatalogue regions, InstitutionRegistry registry,
			StaffAccounts staffAccounts, PlatformProperties platform,
			@Value("${medrecruit.bootstrap.province-code:}") String provinceCode,
			@Value("${medrecruit.bootstrap.province-name:}") String provinceName,
			@Value("${medrecruit.bootstrap.commission-name:}") String commissionName) {
		this.demo = demo;
		this.institutions = institutions;
		this.regions = regions;
		this.registry = registry;
		this.staffAccounts = staffAccounts;
		this.passwordFile = platform.dataDir().resolve("initial-passwords.txt");
		this.provinceCode = provinceCode;
		this.provinceName = provinceName;
		this.commissionName = commissionName;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (demo.isActive() || institutions.count() > 0) {
			return;
		}
		if (!provinceCode.matches("\\d{2}0000") || provinceName.isBlank() || commissionName.isBlank()) {
			log.warn("The database holds no institution yet. Start once with medrecruit.bootstrap.province-code "
					+ "(e.g. 350000), medrecruit.bootstrap.province-name and medrecruit.bootstrap.commission-name "
					+ "to create the province and its first administrators.");
			return;
		}
		regions.add(new RegionCatalogue.Region(provinceCode, provinceName, RegionLevel.PROVINCE, null));
		InstitutionRegistry.Added commission = registry.addTrusted(new NewInstitution(provinceCode, commissionName,
				InstitutionKind.HEALTH_COMMISSION, null, provinceCode, 0, true, null, null));
		IssuedPassword admin = staffAccounts.createForInstitution(
				new NewStaffAccount("admin", null, commission.institution().value(), Set.of(Role.SYSTEM_ADMIN)));
		write(admin, commission.administrator());
		log.warn("Created {} and its administrators; their one-time passwords are in {} (delete it after use).",
				commissionName, passwordFile.toAbsolutePath());
	}

	private void write(IssuedPassword... issued) {
		StringBuilder text = new StringBuilder();
		for (IssuedPassword password : issued) {
			text.append(password.loginName()).append('\t').append(password.oneTimePassword()).append('\n');
		}
		try {
			Files.createDirectories(passwordFile.getParent());
			Files.writeString(passwordFile, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING);
			Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write " + passwordFile, e);
		}
		catch (UnsupportedOperationException notPosix) {
			log.warn("{} keeps the file system's default permissions", passwordFile);
		}
	}
}

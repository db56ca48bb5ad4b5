package cn.medrecruit.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.medrecruit.MedRecruitApplication;
import cn.medrecruit.identity.CurrentUser;

/** A real installation: no demo data, and the first administrators' passwords only in an owner-only file. */
class FirstInstallationTests {

	@TempDir
	Path dataDir;

	@Test
	void theFirstStartCreatesTheProvinceAndItsAdministratorsOnce() throws Exception {
		String database = "jdbc:h2:mem:install" + System.nanoTime()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		try (ConfigurableApplicationContext first = start(database)) {
			Path file = dataDir.resolve("initial-passwords.txt");
			assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			List<String> lines = Files.readAllLines(file);
			assertThat(lines).hasSize(2);
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT name FROM institution").query(String.class).list()).containsExactly("福建省卫生健康委员会");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE login_name IN ('zhangsan', 'lisi')").query(Integer.class)
				.single()).isZero();

			PasswordEncoder encoder = first.getBean(PasswordEncoder.class);
			UserDetailsService users = first.getBean(UserDetailsService.class);
			for (String line : lines) {
				String[] loginAndPassword = line.split("\t");
				CurrentUser user = (CurrentUser) users.loadUserByUsername(loginAndPassword[0]);
				assertThat(encoder.matches(loginAndPassword[1], user.getPassword())).isTrue();
				assertThat(user.getPendingStep()).isEqualTo(CurrentUser.PendingStep.CHANGE_PASSWORD);
			}
			Files.delete(file);
		}
		try (ConfigurableApplicationContext second = start(database)) {
			assertThat(dataDir.resolve("initial-passwords.txt")).doesNotExist();
			assertThat(second.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM institution").query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start(String database) {
		return new SpringApplicationBuilder(MedRecruitApplication.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--spring.datasource.url=" + database, "--spring.datasource.username=sa",
					"--medrecruit.data-dir=" + dataDir, "--medrecruit.bootstrap.province-code=350000",
					"--medrecruit.bootstrap.province-name=福建省", "--medrecruit.bootstrap.commission-name=福建省卫生健康委员会",
					"--medrecruit.audit.seal-interval=1h");
	}
}

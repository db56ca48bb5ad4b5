package cn.medrecruit.shared;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Whether this instance runs as the demonstration: the {@code demo} profile on the embedded database. A PostgreSQL
 * URL switches the demo off even when the profile is active, so that no demo data or printed password can reach a
 * real installation.
 */
@Component
public class DemoMode {

	private final boolean active;

	DemoMode(Environment environment, DataSource dataSource, PlatformProperties properties) throws MetaDataAccessException {
		boolean profile = environment.acceptsProfiles(Profiles.of("demo"));
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
		boolean embedded = "H2".equalsIgnoreCase(product);
		this.active = profile && (embedded || properties.demo().forceOnExternalDatabase());
	}

	public boolean isActive() {
		return active;
	}
}

package cn.medrecruit.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.InstitutionLookup;
import cn.medrecruit.shared.LikePatterns;

@Component
@Transactional(readOnly = true)
class InstitutionDirectory implements InstitutionLookup {

	private final JdbcClient jdbc;

	InstitutionDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<InstitutionRef> find(long institutionId) {
		return jdbc.sql("SELECT id, name, path, enabled FROM institution WHERE id = :id")
			.param("id", institutionId)
			.query((rs, n) -> new InstitutionRef(rs.getLong("id"), rs.getString("name"), rs.getString("path"),
					rs.getBoolean("enabled")))
			.optional();
	}

	@Override
	public Map<Long, String> namesOf(Collection<Long> institutionIds) {
		Map<Long, String> names = new HashMap<>();
		if (institutionIds.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT id, name FROM institution WHERE id IN (:ids)")
			.param("ids", institutionIds)
			.query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name")))
			.list();
		return names;
	}

	@Override
	public List<InstitutionRef> inScope(String scopePath) {
		if (scopePath == null || scopePath.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, name, path, enabled FROM institution WHERE path LIKE :prefix ESCAPE '\\' ORDER BY path, name")
			.param("prefix", LikePatterns.startingWith(scopePath))
			.query((rs, n) -> new InstitutionRef(rs.getLong("id"), rs.getString("name"), rs.getString("path"),
					rs.getBoolean("enabled")))
			.list();
	}

}

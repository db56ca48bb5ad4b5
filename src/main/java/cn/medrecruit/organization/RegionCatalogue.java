package cn.medrecruit.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Regions by GB/T 2260 code: province → city → county. */
@Component
@Transactional(readOnly = true)
public class RegionCatalogue {

	private final JdbcClient jdbc;

	RegionCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Region(String code, String name, RegionLevel level, String parentCode) {
	}

	public Optional<RegionLevel> levelOf(String code) {
		return jdbc.sql("SELECT level FROM region WHERE code = :code")
			.param("code", code)
			.query(String.class)
			.optional()
			.map(RegionLevel::valueOf);
	}

	public List<Region> all() {
		return jdbc.sql("SELECT code, name, level, parent_code FROM region ORDER BY code")
			.query((rs, n) -> new Region(rs.getString("code"), rs.getString("name"),
					RegionLevel.valueOf(rs.getString("level")), rs.getString("parent_code")))
			.list();
	}

	/** The region and every region below it, in code order; empty when the code is unknown. */
	public List<Region> within(String code) {
		List<Region> all = all();
		Set<String> inside = new HashSet<>();
		if (code != null && all.stream().anyMatch(region -> region.code().equals(code))) {
			inside.add(code);
		}
		boolean grew = !inside.isEmpty();
		while (grew) {
			grew = false;
			for (Region region : all) {
				if (region.parentCode() != null && inside.contains(region.parentCode()) && inside.add(region.code())) {
					grew = true;
				}
			}
		}
		return all.stream().filter(region -> inside.contains(region.code())).toList();
	}

	@Transactional
	public void add(Region region) {
		jdbc.sql("INSERT INTO region (code, name, level, parent_code) VALUES (:code, :name, :level, :parent)")
			.param("code", region.code())
			.param("name", region.name())
			.param("level", region.level().name())
			.param("parent", region.parentCode())
			.update();
	}

	public boolean exists(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM region WHERE code = :code").param("code", code).query(Integer.class)
			.single() > 0;
	}
}

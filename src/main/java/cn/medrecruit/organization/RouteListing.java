package cn.medrecruit.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.shared.LikePatterns;

/** The units of the person's subtree with the resolved holder of each exam level, one keyset page at a time. */
@Component
@Transactional(readOnly = true)
class RouteListing {

	static final int PAGE_SIZE = 30;
	private static final int MAX_KEYWORD_LENGTH = 50;

	private static final String UNITS = """
			SELECT i.id, i.name, r.name AS region_name, i.review_rights
			  FROM institution i JOIN region r ON r.code = i.region_code
			 WHERE i.kind = 'UNIT' AND i.path LIKE :scope""";

	private record Unit(long id, String name, String regionName, boolean reviewRights) {
	}

	private final JdbcClient jdbc;
	private final ReviewRouting routing;
	private final RegionCatalogue regions;

	RouteListing(JdbcClient jdbc, ReviewRouting routing, RegionCatalogue regions) {
		this.jdbc = jdbc;
		this.routing = routing;
		this.regions = regions;
	}

	/**
	 * @param region a region code: its units and those of the regions below it; {@code null} for all
	 * @param keyword part of the unit's name; {@code null} for all
	 * @param after the id of the last unit of the previous page
	 */
	record Query(String region, String keyword, Long after) {

		Query {
			region = region == null || region.isBlank() ? null : region.strip();
			keyword = keyword == null || keyword.isBlank() ? null : keyword.strip();
			if (keyword != null && keyword.length() > MAX_KEYWORD_LENGTH) {
				keyword = keyword.substring(0, MAX_KEYWORD_LENGTH);
			}
		}
	}

	record Holder(long id, String name, ReviewRouting.Source source) {
	}

	record Row(long id, String name, String regionName, boolean reviewRights, Map<RouteLevel, Holder> holders) {

		public Holder holder(RouteLevel level) {
			return holders.get(level);
		}
	}

	/** @param nextAfter the cursor of the following page, or {@code null} on the last page */
	record Page(List<Row> rows, Long nextAfter) {
	}

	Page page(Query query, List<RegionCatalogue.Region> allowedRegions, CurrentUser user) {
		if (user.getScopePath() == null) {
			return new Page(List.of(), null);
		}
		StringBuilder sql = new StringBuilder(UNITS);
		Map<String, Object> params = new HashMap<>();
		params.put("scope", LikePatterns.startingWith(user.getScopePath()));
		if (query.region() != null) {
			List<String> codes = allowedRegions.stream().anyMatch(region -> region.code().equals(query.region()))
					? regions.within(query.region()).stream().map(RegionCatalogue.Region::code).toList()
					: List.of("");
			sql.append(" AND i.region_code IN (:regions)");
			params.put("regions", codes);
		}
		if (query.keyword() != null) {
			sql.append(" AND i.name LIKE :keyword ESCAPE '\\'");
			params.put("keyword", LikePatterns.containing(query.keyword()));
		}
		if (query.after() != null) {
			sql.append(" AND i.id > :after");
			params.put("after", query.after());
		}
		sql.append(" ORDER BY i.id LIMIT :limit");
		params.put("limit", PAGE_SIZE + 1);
		List<Unit> units = jdbc.sql(sql.toString())
			.params(params)
			.query(this::unit)
			.list();
		Long nextAfter = null;
		if (units.size() > PAGE_SIZE) {
			units = units.subList(0, PAGE_SIZE);
			nextAfter = units.get(PAGE_SIZE - 1).id();
		}
		return new Page(rowsOf(units), nextAfter);
	}

	/** One unit of the person's subtree with its resolved route; empty for any other id. */
	Optional<Row> one(long id, CurrentUser user) {
		if (user.getScopePath() == null) {
			return Optional.empty();
		}
		List<Unit> units = jdbc.sql(UNITS + " AND i.id = :id")
			.param("scope", LikePatterns.startingWith(user.getScopePath()))
			.param("id", id)
			.query(this::unit)
			.list();
		return rowsOf(units).stream().findFirst();
	}

	private List<Row> rowsOf(List<Unit> units) {
		Map<Long, ReviewRouting.Route> routes = routing.routesOf(units.stream().map(Unit::id).toList());
		Set<Long> holderIds = new HashSet<>();
		routes.values().forEach(route -> route.holders().values().forEach(h -> holderIds.add(h.institution())));
		Map<Long, String> names = namesOf(holderIds);
		List<Row> rows = new ArrayList<>();
		for (Unit unit : units) {
			Map<RouteLevel, Holder> holders = new EnumMap<>(RouteLevel.class);
			ReviewRouting.Route route = routes.get(unit.id());
			if (route != null) {
				route.holders().forEach((level, holder) -> holders.put(level,
						new Holder(holder.institution(), names.get(holder.institution()), holder.source())));
			}
			rows.add(new Row(unit.id(), unit.name(), unit.regionName(), unit.reviewRights(), holders));
		}
		return rows;
	}

	private Unit unit(ResultSet rs, int n) throws SQLException {
		return new Unit(rs.getLong("id"), rs.getString("name"), rs.getString("region_name"), rs.getBoolean("review_rights"));
	}

	Map<Long, String> namesOf(Set<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, name FROM institution WHERE id IN (:ids)")
				.param("ids", ids)
				.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name")))
				.list()
				.forEach(entry -> names.put(entry.getKey(), entry.getValue()));
		}
		return names;
	}
}

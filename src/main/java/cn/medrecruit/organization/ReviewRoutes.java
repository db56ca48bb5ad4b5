package cn.medrecruit.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.LikePatterns;

/**
 * The routes the province sets: for one unit or one region, which institution holds each exam level. Every read and
 * write stays inside the acting person's subtree (units and holders) and region (region rows).
 */
@Service
class ReviewRoutes {

	/** What a route is for: exactly one of a unit and a region. */
	record Target(Long unit, String region) {

		static Target unit(long id) {
			return new Target(id, null);
		}

		static Target region(String code) {
			return new Target(null, code);
		}

		String auditTarget() {
			return unit != null ? "review-route:unit:" + unit : "review-route:region:" + region;
		}
	}

	/** The holders set for a target and the row's version; version 0 when nothing is set. */
	record Stored(Map<RouteLevel, Long> holders, int version) {
	}

	record Choice(long id, String name, InstitutionKind kind, String regionName) {
	}

	private final JdbcClient jdbc;
	private final RegionCatalogue regions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ReviewRoutes(JdbcClient jdbc, RegionCatalogue regions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Stored find(Target target, CurrentUser actor) {
		checkScope(target, actor);
		return row(target, false).map(row -> new Stored(row.holders(), row.version()))
			.orElse(new Stored(Map.of(), 0));
	}

	/** The institutions that may hold a level: enabled, with review rights, of the level's kinds, in scope. */
	@Transactional(readOnly = true)
	public List<Choice> choices(RouteLevel level, CurrentUser actor) {
		if (actor.getScopePath() == null) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT i.id, i.name, i.kind, r.name AS region_name
				  FROM institution i JOIN region r ON r.code = i.region_code
				 WHERE i.path LIKE :scope AND i.enabled = TRUE AND i.review_rights = TRUE AND i.kind IN (:kinds)
				 ORDER BY i.region_code, i.kind, i.name""")
			.param("scope", LikePatterns.startingWith(actor.getScopePath()))
			.param("kinds", level.kinds.stream().map(Enum::name).toList())
			.query((rs, n) -> new Choice(rs.getLong("id"), rs.getString("name"),
					InstitutionKind.valueOf(rs.getString("kind")), rs.getString("region_name")))
			.list();
	}

	/** The regions whose default route this person may set: their own institution's region and those below it. */
	@Transactional(readOnly = true)
	public List<RegionCatalogue.Region> regionsFor(CurrentUser actor) {
		if (actor.getInstitutionId() == null) {
			return List.of();
		}
		return jdbc.sql("SELECT region_code FROM institution WHERE id = :id")
			.param("id", actor.getInstitutionId())
			.query(String.class)
			.optional()
			.map(regions::within)
			.orElse(List.of());
	}

	/**
	 * Sets the holders of a target's levels; a level left out follows the wider region or the rule, and a target
	 * left with no level set loses its row. The row is locked while it is checked and written.
	 *
	 * @throws OptimisticLockingFailureException when someone changed the route since {@code expectedVersion}
	 * @throws InputRejected when a holder is not a possible choice for its level (field: the level's form field)
	 */
	@Transactional
	public void save(Target target, int expectedVersion, Map<RouteLevel, Long> holders, CurrentUser actor) {
		checkScope(target, actor);
		for (Map.Entry<RouteLevel, Long> entry : holders.entrySet()) {
			if (choices(entry.getKey(), actor).stream().noneMatch(choice -> choice.id() == entry.getValue())) {
				throw new InputRejected(entry.getKey().field, "review-route.validation.holder");
			}
		}
		Optional<Row> current = row(target, true);
		if (current.map(Row::version).orElse(0) != expectedVersion) {
			throw new OptimisticLockingFailureException(target.auditTarget() + " changed meanwhile");
		}
		if (holders.isEmpty()) {
			current.ifPresent(row -> jdbc.sql("DELETE FROM review_route WHERE id = :id").param("id", row.id()).update());
			events.publishEvent(AuditEvent.success("REVIEW_ROUTE_CLEARED", target.auditTarget()));
			return;
		}
		Map<String, Object> params = new HashMap<>();
		for (RouteLevel level : RouteLevel.values()) {
			params.put(level.column, holders.get(level));
		}
		params.put("at", Timestamp.from(clock.instant()));
		params.put("by", actor.getAccountId());
		if (current.isPresent()) {
			params.put("id", current.get().id());
			jdbc.sql("""
					UPDATE review_route SET unit_review_id = :unit_review_id,
					       registration_point_id = :registration_point_id, exam_site_id = :exam_site_id,
					       exam_area_id = :exam_area_id, updated_at = :at, updated_by = :by, version = version + 1
					 WHERE id = :id""")
				.params(params)
				.update();
		}
		else {
			params.put("unit", target.unit());
			params.put("region", target.region());
			jdbc.sql("""
					INSERT INTO review_route (unit_id, region_code, unit_review_id, registration_point_id, exam_site_id,
					                          exam_area_id, updated_at, updated_by, version)
					VALUES (:unit, :region, :unit_review_id, :registration_point_id, :exam_site_id, :exam_area_id,
					        :at, :by, 1)""")
				.params(params)
				.update();
		}
		events.publishEvent(AuditEvent.success("REVIEW_ROUTE_SET", target.auditTarget(), holders.entrySet()
			.stream()
			.map(entry -> entry.getKey().name() + "=" + entry.getValue())
			.collect(Collectors.joining(","))));
	}

	/** The routes set for these regions, by region code. */
	@Transactional(readOnly = true)
	public Map<String, Map<RouteLevel, Long>> regionRoutes(List<RegionCatalogue.Region> regions) {
		Map<String, Map<RouteLevel, Long>> routes = new HashMap<>();
		if (!regions.isEmpty()) {
			jdbc.sql("""
					SELECT region_code, unit_review_id, registration_point_id, exam_site_id, exam_area_id
					  FROM review_route WHERE region_code IN (:codes)""")
				.param("codes", regions.stream().map(RegionCatalogue.Region::code).toList())
				.query((rs, n) -> Map.entry(rs.getString("region_code"), holdersIn(rs)))
				.list()
				.forEach(entry -> routes.put(entry.getKey(), entry.getValue()));
		}
		return routes;
	}

	static Map<RouteLevel, Long> holdersIn(ResultSet rs) throws SQLException {
		Map<RouteLevel, Long> holders = new EnumMap<>(RouteLevel.class);
		for (RouteLevel level : RouteLevel.values()) {
			Long holder = rs.getObject(level.column, Long.class);
			if (holder != null) {
				holders.put(level, holder);
			}
		}
		return holders;
	}

	private record Row(long id, Map<RouteLevel, Long> holders, int version) {
	}

	private Optional<Row> row(Target target, boolean lock) {
		String sql = "SELECT id, unit_review_id, registration_point_id, exam_site_id, exam_area_id, version"
				+ " FROM review_route WHERE " + (target.unit() != null ? "unit_id = :key" : "region_code = :key")
				+ (lock ? " FOR UPDATE" : "");
		return jdbc.sql(sql)
			.param("key", target.unit() != null ? target.unit() : target.region())
			.query((rs, n) -> new Row(rs.getLong("id"), holdersIn(rs), rs.getInt("version")))
			.optional();
	}

	private void checkScope(Target target, CurrentUser actor) {
		if (actor.getScopePath() == null) {
			throw new AccessDeniedException("no data scope");
		}
		if (target.unit() != null) {
			boolean inScope = jdbc.sql("SELECT COUNT(*) FROM institution WHERE id = :id AND kind = 'UNIT' AND path LIKE :scope")
				.param("id", target.unit())
				.param("scope", LikePatterns.startingWith(actor.getScopePath()))
				.query(Integer.class)
				.single() > 0;
			if (!inScope) {
				throw new AccessDeniedException("unit outside the data scope");
			}
		}
		else if (regionsFor(actor).stream().noneMatch(region -> region.code().equals(target.region()))) {
			throw new AccessDeniedException("region outside the data scope");
		}
	}
}

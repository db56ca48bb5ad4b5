package cn.medrecruit.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which institution holds each review level for an applicant's unit. The health commissions of the unit's county, city
 * and province are its ancestors of that kind and level. The exam levels (001 通知 一(二)(三) and its 流程实例 table)
 * and 单位审查 come, level by level, from the first of:
 * <ol>
 * <li>the province's route for the unit itself ({@code review_route.unit_id});</li>
 * <li>the province's route for the unit's region, then for each wider region up to the province;</li>
 * <li>the built-in rule:
 * <ul>
 * <li>单位审查: the unit when it has review rights, else the nearest institution above it that has them;</li>
 * <li>报名点: for a unit in a county, the county's enabled 报名点 institution, else the county's health commission;
 * for a unit directly under a city or the province, the unit itself when it has review rights, else that region's
 * enabled 报名点 institution, else whoever does its 单位审查;</li>
 * <li>考区: the province's enabled 考区 institution, else the province's health commission;</li>
 * <li>考点: for a unit in a city (directly or through a county), the city's enabled 考点 institution, else the city's
 * health commission; for a unit directly under the province, an enabled 考点 institution of the province's own
 * region, else whoever is its 考区.</li>
 * </ul>
 * </li>
 * </ol>
 * So where the health commissions serve as 报名点/考点/考区 (001's own case), a township centre goes 单位审查 and 报名点
 * at its county bureau, a provincial hospital with review rights does both itself and then goes to 省卫健委 as 考点
 * and 考区. "Enabled 报名点 institution of a region" means the lowest id among enabled ones with review rights and
 * that region; the province sets a route where it wants another. A level with no holder at all is empty, and the
 * engine skips it.
 */
@Service
@Transactional(readOnly = true)
public class ReviewRouting {

	/** The holders of each level for one unit; a null holder means the level does not apply to it. */
	public record Holders(Long unit, Long county, Long city, Long province, Long registrationPoint, Long examSite,
			Long examArea) {
	}

	/** Where a level's holder comes from. */
	enum Source {
		RULE, REGION, INSTITUTION
	}

	record Holder(long institution, Source source) {
	}

	/** The routed levels of one unit; a level without any holder is absent. */
	record Route(long unit, Map<RouteLevel, Holder> holders) {

		Long holderOf(RouteLevel level) {
			Holder holder = holders.get(level);
			return holder == null ? null : holder.institution();
		}
	}

	private record Node(long id, InstitutionKind kind, RegionLevel level, String regionCode, boolean reviewRights,
			String path) {
	}

	private record RouteRow(Long unit, String region, Map<RouteLevel, Long> holders) {
	}

	private record Region(String code, RegionLevel level, String parentCode) {
	}

	/** Everything the rule and the routes need for a set of units, read in a few queries. */
	private record World(Map<Long, Node> nodes, Map<String, Region> regions, Map<String, Long> examBodies,
			Map<Long, Map<RouteLevel, Long>> unitRoutes, Map<String, Map<RouteLevel, Long>> regionRoutes) {
	}

	private final JdbcClient jdbc;

	ReviewRouting(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Holders> holdersFor(long unitInstitutionId) {
		return Optional.ofNullable(holdersFor(List.of(unitInstitutionId)).get(unitInstitutionId));
	}

	/** The holders of several institutions (a unit and a first-choice base) in one read; unknown ids are left out. */
	public Map<Long, Holders> holdersFor(Collection<Long> unitInstitutionIds) {
		Map<Long, Holders> found = new HashMap<>();
		if (unitInstitutionIds.isEmpty()) {
			return found;
		}
		World world = load(unitInstitutionIds);
		for (Long id : unitInstitutionIds) {
			Node unit = world.nodes().get(id);
			if (unit != null) {
				found.put(id, holdersOf(unit, world));
			}
		}
		return found;
	}

	private static Holders holdersOf(Node unit, World world) {
		List<Node> chain = chainOf(unit, world);
		Route route = resolve(unit, chain, world);
		return new Holders(route.holderOf(RouteLevel.UNIT_REVIEW),
				commission(chain, RegionLevel.COUNTY), commission(chain, RegionLevel.CITY),
				commission(chain, RegionLevel.PROVINCE), route.holderOf(RouteLevel.REGISTRATION_POINT),
				route.holderOf(RouteLevel.EXAM_SITE), route.holderOf(RouteLevel.EXAM_AREA));
	}

	/** The routes of several units at once, for a page of them; unknown ids are left out. */
	Map<Long, Route> routesOf(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return Map.of();
		}
		World world = load(unitIds);
		Map<Long, Route> routes = new LinkedHashMap<>();
		for (Long id : unitIds) {
			Node unit = world.nodes().get(id);
			if (unit != null) {
				routes.put(id, resolve(unit, chainOf(unit, world), world));
			}
		}
		return routes;
	}

	private World load(Collection<Long> unitIds) {
		List<String> paths = jdbc.sql("SELECT path FROM institution WHERE id IN (:ids)")
			.param("ids", unitIds)
			.query(String.class)
			.list();
		Set<Long> ids = new HashSet<>();
		for (String path : paths) {
			Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).map(Long::valueOf).forEach(ids::add);
		}
		Map<Long, Node> nodes = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("""
					SELECT i.id, i.kind, r.level, i.region_code, i.review_rights, i.path
					  FROM institution i JOIN region r ON r.code = i.region_code
					 WHERE i.id IN (:ids)""")
				.param("ids", ids)
				.query((rs, row) -> new Node(rs.getLong("id"), InstitutionKind.valueOf(rs.getString("kind")),
						RegionLevel.valueOf(rs.getString("level")), rs.getString("region_code"),
						rs.getBoolean("review_rights"), rs.getString("path")))
				.list()
				.forEach(node -> nodes.put(node.id(), node));
		}
		// only the regions of the units and those above them: the rule and the routes look at nothing else
		Map<String, Region> regions = new HashMap<>();
		Set<String> unitRegions = new HashSet<>();
		unitIds.stream().map(nodes::get).filter(node -> node != null).forEach(node -> unitRegions.add(node.regionCode()));
		if (!unitRegions.isEmpty()) {
			jdbc.sql("""
					WITH RECURSIVE up (code, level, parent_code) AS (
					  SELECT code, level, parent_code FROM region WHERE code IN (:codes)
					  UNION ALL
					  SELECT r.code, r.level, r.parent_code FROM region r JOIN up u ON r.code = u.parent_code)
					SELECT DISTINCT code, level, parent_code FROM up""")
				.param("codes", unitRegions)
				.query((rs, row) -> new Region(rs.getString("code"), RegionLevel.valueOf(rs.getString("level")),
						rs.getString("parent_code")))
				.list()
				.forEach(region -> regions.put(region.code(), region));
		}
		Set<String> regionCodes = regions.isEmpty() ? Set.of("") : regions.keySet();
		Map<String, Long> examBodies = new HashMap<>();
		jdbc.sql("""
				SELECT id, kind, region_code FROM institution
				 WHERE kind IN ('REGISTRATION_POINT', 'EXAM_SITE', 'EXAM_AREA') AND enabled = TRUE AND review_rights = TRUE
				   AND region_code IN (:regions)
				 ORDER BY id""")
			.param("regions", regionCodes)
			.query((rs, row) -> Map.entry(rs.getString("kind") + "@" + rs.getString("region_code"), rs.getLong("id")))
			.list()
			.forEach(body -> examBodies.putIfAbsent(body.getKey(), body.getValue()));
		Map<Long, Map<RouteLevel, Long>> unitRoutes = new HashMap<>();
		Map<String, Map<RouteLevel, Long>> regionRoutes = new HashMap<>();
		for (RouteRow row : jdbc.sql("""
				SELECT unit_id, region_code, unit_review_id, registration_point_id, exam_site_id, exam_area_id
				  FROM review_route WHERE unit_id IN (:ids) OR region_code IN (:regions)""")
			.param("ids", unitIds)
			.param("regions", regionCodes)
			.query((rs, n) -> new RouteRow(rs.getObject("unit_id", Long.class), rs.getString("region_code"),
					ReviewRoutes.holdersIn(rs)))
			.list()) {
			if (row.unit() != null) {
				unitRoutes.put(row.unit(), row.holders());
			}
			else {
				regionRoutes.put(row.region(), row.holders());
			}
		}
		return new World(nodes, regions, examBodies, unitRoutes, regionRoutes);
	}

	/** The unit and its ancestors, nearest first. */
	private static List<Node> chainOf(Node unit, World world) {
		List<Node> chain = new ArrayList<>();
		String[] parts = unit.path().split("/");
		for (int i = parts.length - 1; i >= 0; i--) {
			if (!parts[i].isEmpty()) {
				Node node = world.nodes().get(Long.valueOf(parts[i]));
				if (node != null) {
					chain.add(node);
				}
			}
		}
		return chain;
	}

	private static Route resolve(Node unit, List<Node> chain, World world) {
		List<Region> regions = new ArrayList<>();
		for (Region region = world.regions().get(unit.regionCode()); region != null;
				region = region.parentCode() == null ? null : world.regions().get(region.parentCode())) {
			regions.add(region);
		}
		String county = codeAt(regions, RegionLevel.COUNTY);
		String city = codeAt(regions, RegionLevel.CITY);
		String province = codeAt(regions, RegionLevel.PROVINCE);
		Map<RouteLevel, Holder> holders = new EnumMap<>(RouteLevel.class);

		Long reviewer = chain.stream().filter(Node::reviewRights).findFirst().map(Node::id).orElse(null);
		put(holders, RouteLevel.UNIT_REVIEW, unit, regions, world, reviewer);
		Long unitReview = idOf(holders.get(RouteLevel.UNIT_REVIEW));

		Long registrationPoint;
		if (unit.level() == RegionLevel.COUNTY) {
			registrationPoint = firstOf(world.examBodies().get(InstitutionKind.REGISTRATION_POINT + "@" + county),
					commission(chain, RegionLevel.COUNTY), unitReview);
		}
		else {
			registrationPoint = firstOf(unit.reviewRights() ? unit.id() : null,
					world.examBodies().get(InstitutionKind.REGISTRATION_POINT + "@" + unit.regionCode()), unitReview);
		}
		put(holders, RouteLevel.REGISTRATION_POINT, unit, regions, world, registrationPoint);

		put(holders, RouteLevel.EXAM_AREA, unit, regions, world, firstOf(
				world.examBodies().get(InstitutionKind.EXAM_AREA + "@" + province),
				commission(chain, RegionLevel.PROVINCE)));
		Long examArea = idOf(holders.get(RouteLevel.EXAM_AREA));

		Long examSite = city != null
				? firstOf(world.examBodies().get(InstitutionKind.EXAM_SITE + "@" + city),
						commission(chain, RegionLevel.CITY), examArea)
				: firstOf(world.examBodies().get(InstitutionKind.EXAM_SITE + "@" + province), examArea);
		put(holders, RouteLevel.EXAM_SITE, unit, regions, world, examSite);
		return new Route(unit.id(), holders);
	}

	/** The unit's own route, else the nearest region's, else the rule's answer. */
	private static void put(Map<RouteLevel, Holder> holders, RouteLevel level, Node unit, List<Region> regions,
			World world, Long rule) {
		Long own = world.unitRoutes().getOrDefault(unit.id(), Map.of()).get(level);
		if (own != null) {
			holders.put(level, new Holder(own, Source.INSTITUTION));
			return;
		}
		for (Region region : regions) {
			Long regional = world.regionRoutes().getOrDefault(region.code(), Map.of()).get(level);
			if (regional != null) {
				holders.put(level, new Holder(regional, Source.REGION));
				return;
			}
		}
		if (rule != null) {
			holders.put(level, new Holder(rule, Source.RULE));
		}
	}

	private static Long idOf(Holder holder) {
		return holder == null ? null : holder.institution();
	}

	private static Long firstOf(Long... candidates) {
		return Arrays.stream(candidates).filter(candidate -> candidate != null).findFirst().orElse(null);
	}

	private static String codeAt(List<Region> regions, RegionLevel level) {
		return regions.stream().filter(region -> region.level() == level).findFirst().map(Region::code).orElse(null);
	}

	private static Long commission(List<Node> chain, RegionLevel level) {
		return chain.stream()
			.filter(node -> node.kind() == InstitutionKind.HEALTH_COMMISSION && node.level() == level)
			.findFirst()
			.map(Node::id)
			.orElse(null);
	}
}

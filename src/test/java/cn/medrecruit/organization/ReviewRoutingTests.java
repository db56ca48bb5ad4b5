package cn.medrecruit.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.identity.CurrentUser;

/**
 * The 流程实例 table of the exam pre-registration manual (001 九), row by row, in three situations of the demo province.
 * 001 names the health commissions as before the 2018 reform (卫计委, 卫计局); each case renames the demo's through
 * the registry first. Every case runs in a transaction that is rolled back, so the shared demo data stays as it was.
 */
@IntegrationTest
@Transactional
class ReviewRoutingTests {

	/** How the province is set up for a case. */
	enum Situation {
		/** 001's own case: no separate exam bodies, the health commissions serve as 报名点, 考点 and 考区. */
		COMMISSIONS_SERVE,
		/** The demo's separate 报名点, 考点 and 考区 institutions, found by the built-in rule. */
		EXAM_BODIES,
		/** The exam bodies exist, and the province has set routes per region and per unit. */
		PROVINCE_ROUTES
	}

	@Autowired
	ReviewRouting routing;

	@Autowired
	ReviewRoutes routes;

	@Autowired
	InstitutionRegistry registry;

	@Autowired
	Institutions institutions;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	static Stream<Arguments> routingTable() {
		return Stream.of(
				// 001 九 流程实例: 考生单位 → 单位审查, 报名点 → 考点 → 考区
				Arguments.of(Situation.COMMISSIONS_SERVE, "鼓楼区洪山社区卫生服务中心", "鼓楼区卫计局", "鼓楼区卫计局", "福州市卫计委", "省卫健委"),
				Arguments.of(Situation.COMMISSIONS_SERVE, "安溪县医院", "安溪县医院", "安溪县卫计局", "泉州市卫计委", "省卫健委"),
				Arguments.of(Situation.COMMISSIONS_SERVE, "福州市第一医院", "福州市第一医院", "福州市第一医院", "福州市卫计委", "省卫健委"),
				Arguments.of(Situation.COMMISSIONS_SERVE, "福建省立医院", "福建省立医院", "福建省立医院", "省卫健委", "省卫健委"),
				Arguments.of(Situation.COMMISSIONS_SERVE, "福能总医院", "福能总医院", "福能总医院", "省卫健委", "省卫健委"),

				Arguments.of(Situation.EXAM_BODIES, "鼓楼区洪山社区卫生服务中心", "鼓楼区卫计局", "鼓楼区报名点", "福州考点", "福建考区"),
				Arguments.of(Situation.EXAM_BODIES, "安溪县医院", "安溪县医院", "安溪县报名点", "泉州考点", "福建考区"),
				Arguments.of(Situation.EXAM_BODIES, "福州市第一医院", "福州市第一医院", "福州市第一医院", "福州考点", "福建考区"),
				Arguments.of(Situation.EXAM_BODIES, "福建省立医院", "福建省立医院", "福建省立医院", "福建考区", "福建考区"),
				Arguments.of(Situation.EXAM_BODIES, "福能总医院", "福能总医院", "福能总医院", "福建考区", "福建考区"),
				Arguments.of(Situation.EXAM_BODIES, "福建省立金山医院", "省卫健委", "福建省立医院报名点", "福建考区", "福建考区"),

				// the routes of provinceRoutes(): region rows bring 洪山 back to 001's row; unit rows win over them
				Arguments.of(Situation.PROVINCE_ROUTES, "鼓楼区洪山社区卫生服务中心", "鼓楼区卫计局", "鼓楼区卫计局", "福州市卫计委", "省卫健委"),
				Arguments.of(Situation.PROVINCE_ROUTES, "安溪县医院", "安溪县医院", "安溪县医院", "福州考点", "省卫健委"),
				Arguments.of(Situation.PROVINCE_ROUTES, "福州市第一医院", "福州市第一医院", "福州市第一医院", "福州考点", "省卫健委"),
				Arguments.of(Situation.PROVINCE_ROUTES, "福建省立医院", "福建省立医院", "福建省立医院", "省卫健委", "省卫健委"),
				Arguments.of(Situation.PROVINCE_ROUTES, "福能总医院", "福建省立医院", "福建省立医院报名点", "省卫健委", "省卫健委"));
	}

	@ParameterizedTest(name = "{0}: {1} → {2} / {3} → {4} → {5}")
	@MethodSource("routingTable")
	void eachUnitReachesTheExamLevelsOfTheTable(Situation situation, String unit, String unitReview,
			String registrationPoint, String examSite, String examArea) {
		arrange(situation);

		ReviewRouting.Holders holders = routing.holdersFor(idOf(unit)).orElseThrow();

		assertThat(List.of(nameOf(holders.unit()), nameOf(holders.registrationPoint()), nameOf(holders.examSite()),
				nameOf(holders.examArea())))
			.containsExactly(unitReview, registrationPoint, examSite, examArea);
	}

	@Test
	void theCommissionLevelsStayTheAncestorsWhateverTheRoutes() {
		arrange(Situation.PROVINCE_ROUTES);

		ReviewRouting.Holders holders = routing.holdersFor(idOf("鼓楼区洪山社区卫生服务中心")).orElseThrow();

		assertThat(nameOf(holders.county())).isEqualTo("鼓楼区卫计局");
		assertThat(nameOf(holders.city())).isEqualTo("福州市卫计委");
		assertThat(nameOf(holders.province())).isEqualTo("省卫健委");
		assertThat(routing.holdersFor(idOf("福建省立医院")).orElseThrow().county()).isNull();
		assertThat(routing.holdersFor(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void eachHolderSaysWhetherTheRuleARegionOrTheUnitsOwnRoutePutItThere() {
		arrange(Situation.PROVINCE_ROUTES);

		Map<RouteLevel, ReviewRouting.Source> sources = routing.routesOf(List.of(idOf("福州市第一医院")))
			.get(idOf("福州市第一医院"))
			.holders()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().source()));

		assertThat(sources).containsEntry(RouteLevel.UNIT_REVIEW, ReviewRouting.Source.RULE)
			.containsEntry(RouteLevel.REGISTRATION_POINT, ReviewRouting.Source.RULE)
			.containsEntry(RouteLevel.EXAM_SITE, ReviewRouting.Source.INSTITUTION)
			.containsEntry(RouteLevel.EXAM_AREA, ReviewRouting.Source.REGION);
	}

	@Test
	void clearingAUnitsRouteGivesItBackToTheRegionAndTheRule() {
		arrange(Situation.PROVINCE_ROUTES);
		long hospital = idOf("福州市第一医院");
		int version = routes.find(ReviewRoutes.Target.unit(hospital), province()).version();

		routes.save(ReviewRoutes.Target.unit(hospital), version, Map.of(), province());

		assertThat(nameOf(routing.holdersFor(hospital).orElseThrow().examSite())).isEqualTo("福州市卫计委");
		assertThat(routes.find(ReviewRoutes.Target.unit(hospital), province()).version()).isZero();
	}

	private void arrange(Situation situation) {
		CurrentUser province = province();
		Map<String, String> renamed = Map.of("福建省卫生健康委员会", "省卫健委", "福州市卫生健康委员会", "福州市卫计委",
				"泉州市卫生健康委员会", "泉州市卫计委", "鼓楼区卫生健康局", "鼓楼区卫计局", "安溪县卫生健康局", "安溪县卫计局");
		renamed.forEach((from, to) -> {
			Institution commission = institutions.findById(idOf(from)).orElseThrow();
			registry.change(new InstitutionId(commission.id), commission.version,
					new InstitutionChanges(to, null, commission.contactName, commission.contactPhone), province);
		});
		if (situation == Situation.COMMISSIONS_SERVE) {
			Set<Long> examBodies = Stream.of("鼓楼区报名点", "连江县报名点", "安溪县报名点", "福建省立医院报名点", "福州考点", "泉州考点",
					"福建考区")
				.map(this::idOf)
				.collect(Collectors.toSet());
			registry.setEnabled(examBodies, false, province);
		}
		if (situation == Situation.PROVINCE_ROUTES) {
			provinceRoutes(province);
		}
	}

	private void provinceRoutes(CurrentUser province) {
		route(ReviewRoutes.Target.region("350000"), Map.of(RouteLevel.EXAM_AREA, "省卫健委"), province);
		route(ReviewRoutes.Target.region("350100"), Map.of(RouteLevel.EXAM_SITE, "福州市卫计委"), province);
		route(ReviewRoutes.Target.region("350102"), Map.of(RouteLevel.REGISTRATION_POINT, "鼓楼区卫计局"), province);
		route(ReviewRoutes.Target.unit(idOf("安溪县医院")),
				Map.of(RouteLevel.REGISTRATION_POINT, "安溪县医院", RouteLevel.EXAM_SITE, "福州考点"), province);
		route(ReviewRoutes.Target.unit(idOf("福州市第一医院")), Map.of(RouteLevel.EXAM_SITE, "福州考点"), province);
		route(ReviewRoutes.Target.unit(idOf("福能总医院")),
				Map.of(RouteLevel.UNIT_REVIEW, "福建省立医院", RouteLevel.REGISTRATION_POINT, "福建省立医院报名点"), province);
	}

	private void route(ReviewRoutes.Target target, Map<RouteLevel, String> holders, CurrentUser province) {
		Map<RouteLevel, Long> ids = new EnumMap<>(RouteLevel.class);
		holders.forEach((level, name) -> ids.put(level, idOf(name)));
		routes.save(target, routes.find(target, province).version(), ids, province);
	}

	private CurrentUser province() {
		return (CurrentUser) users.loadUserByUsername("350000");
	}

	private long idOf(String name) {
		return jdbc.sql("SELECT id FROM institution WHERE name = :name").param("name", name).query(Long.class).single();
	}

	private String nameOf(Long id) {
		if (id == null) {
			return null;
		}
		return jdbc.sql("SELECT name FROM institution WHERE id = :id").param("id", id).query(String.class).single();
	}
}

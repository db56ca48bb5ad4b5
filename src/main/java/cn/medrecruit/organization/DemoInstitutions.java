package cn.medrecruit.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.medrecruit.shared.DemoMode;

/**
 * The demonstration province, modelled on the manuals' own examples: 福建省 with 福州市 (鼓楼区, 连江县) and 泉州市
 * (安溪县), the units of the exam routing table and of 连江县's institution list, three training bases, a 考区, two
 * 考点 and four 报名点. Loaded once, on the first start of the demo.
 */
@Component
@Order(10)
class DemoInstitutions implements ApplicationRunner {

	static final String PROVINCE_CODE = "350000";

	private static final Logger log = LoggerFactory.getLogger(DemoInstitutions.class);

	private final DemoMode demo;
	private final RegionCatalogue regions;
	private final InstitutionRegistry registry;
	private final Institutions institutions;

	DemoInstitutions(DemoMode demo, RegionCatalogue regions, InstitutionRegistry registry, Institutions institutions) {
		this.demo = demo;
		this.regions = regions;
		this.registry = registry;
		this.institutions = institutions;
	}

	private record Row(String code, String name, InstitutionKind kind, BaseCategory category, String region,
			String parentCode, boolean reviewRights) {
	}

	private static final List<RegionCatalogue.Region> REGIONS = List.of(
			new RegionCatalogue.Region("350000", "福建省", RegionLevel.PROVINCE, null),
			new RegionCatalogue.Region("350100", "福州市", RegionLevel.CITY, "350000"),
			new RegionCatalogue.Region("350102", "鼓楼区", RegionLevel.COUNTY, "350100"),
			new RegionCatalogue.Region("350122", "连江县", RegionLevel.COUNTY, "350100"),
			new RegionCatalogue.Region("350500", "泉州市", RegionLevel.CITY, "350000"),
			new RegionCatalogue.Region("350524", "安溪县", RegionLevel.COUNTY, "350500"));

	private static final List<Row> INSTITUTIONS = List.of(
			new Row(PROVINCE_CODE, "福建省卫生健康委员会", InstitutionKind.HEALTH_COMMISSION, null, "350000", null, true),
			new Row("350100", "福州市卫生健康委员会", InstitutionKind.HEALTH_COMMISSION, null, "350100", "350000", true),
			new Row("350102", "鼓楼区卫生健康局", InstitutionKind.HEALTH_COMMISSION, null, "350102", "350100", true),
			new Row("350122", "连江县卫生健康局", InstitutionKind.HEALTH_COMMISSION, null, "350122", "350100", true),
			new Row("350500", "泉州市卫生健康委员会", InstitutionKind.HEALTH_COMMISSION, null, "350500", "350000", true),
			new Row("350524", "安溪县卫生健康局", InstitutionKind.HEALTH_COMMISSION, null, "350524", "350500", true),
			new Row("35010201", "鼓楼区洪山社区卫生服务中心", InstitutionKind.UNIT, null, "350102", "350102", false),
			new Row("35052401", "安溪县医院", InstitutionKind.UNIT, null, "350524", "350524", true),
			new Row("35010001", "福州市第一医院", InstitutionKind.UNIT, null, "350100", "350100", true),
			new Row("35000001", "福建省立医院", InstitutionKind.UNIT, null, "350000", "350000", true),
			new Row("35000002", "福建省立金山医院", InstitutionKind.UNIT, null, "350000", "350000", false),
			new Row("35000003", "福能总医院", InstitutionKind.UNIT, null, "350000", "350000", true),
			new Row("35012201", "连江县妇幼保健院", InstitutionKind.UNIT, null, "350122", "350122", false),
			new Row("35012202", "连江县皮肤病医院", InstitutionKind.UNIT, null, "350122", "350122", false),
			new Row("35012203", "连江县疾病预防控制中心", InstitutionKind.UNIT, null, "350122", "350122", false),
			new Row("35012204", "连江县卫生监督所", InstitutionKind.UNIT, null, "350122", "350122", false),
			new Row("35012205", "连江县医院", InstitutionKind.UNIT, null, "350122", "350122", false),
			new Row("35012206", "连江县中医院", InstitutionKind.UNIT, null, "350122", "350122", false),
			new Row("35000101", "福建医科大学附属第一医院", InstitutionKind.TRAINING_BASE, BaseCategory.AFFILIATED, "350000", "350000", true),
			new Row("35000102", "福建医科大学附属协和医院", InstitutionKind.TRAINING_BASE, BaseCategory.AFFILIATED, "350000", "350000", true),
			new Row("35050101", "泉州市第一医院", InstitutionKind.TRAINING_BASE, BaseCategory.GENERAL, "350500", "350500", true),
			new Row("35KQ", "福建考区", InstitutionKind.EXAM_AREA, null, "350000", "350000", true),
			new Row("3501KD", "福州考点", InstitutionKind.EXAM_SITE, null, "350100", "35KQ", true),
			new Row("3505KD", "泉州考点", InstitutionKind.EXAM_SITE, null, "350500", "35KQ", true),
			new Row("350102BM", "鼓楼区报名点", InstitutionKind.REGISTRATION_POINT, null, "350102", "3501KD", true),
			new Row("350122BM", "连江县报名点", InstitutionKind.REGISTRATION_POINT, null, "350122", "3501KD", true),
			new Row("350524BM", "安溪县报名点", InstitutionKind.REGISTRATION_POINT, null, "350524", "3505KD", true),
			new Row("35000001BM", "福建省立医院报名点", InstitutionKind.REGISTRATION_POINT, null, "350000", "35KQ", true));

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.isActive() || institutions.existsByCode(PROVINCE_CODE)) {
			return;
		}
		REGIONS.stream().filter(region -> !regions.exists(region.code())).forEach(regions::add);
		Map<String, Long> ids = new HashMap<>();
		for (Row row : INSTITUTIONS) {
			long parent = row.parentCode() == null ? 0 : ids.get(row.parentCode());
			InstitutionRegistry.Added added = registry.addTrusted(new NewInstitution(row.code(), row.name(), row.kind(),
					row.category(), row.region(), parent, row.reviewRights(), null, null));
			ids.put(row.code(), added.institution().value());
		}
		log.info("Loaded the demo province: {} regions, {} institutions", REGIONS.size(), INSTITUTIONS.size());
	}
}

package cn.medrecruit.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.identity.CurrentUser;

@IntegrationTest
class UnitDictionaryTests {

	@Autowired
	UnitDictionary dictionary;

	@Autowired
	InstitutionRegistry registry;

	@Autowired
	Institutions institutions;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void twoCharactersFindEveryUnitWhoseNameContainsThem() {
		assertThat(names("省立")).contains("福建省立医院", "福建省立金山医院");
		assertThat(names("省立金山")).containsExactly("福建省立金山医院");
		assertThat(names("连江县医院")).contains("连江县医院").doesNotContain("连江县中医院");
	}

	@Test
	void examBodiesAreNoWorkUnits() {
		assertThat(names("省立")).doesNotContain("福建省立医院报名点");
		assertThat(names("连江县")).contains("连江县卫生健康局").doesNotContain("连江县报名点");
		assertThat(names("福州考点")).isEmpty();
	}

	@Test
	void fewerThanTwoCharactersFindNothing() {
		assertThat(dictionary.search("省")).isEmpty();
		assertThat(dictionary.search("  院  ")).isEmpty();
		assertThat(dictionary.search("")).isEmpty();
		assertThat(dictionary.search(null)).isEmpty();
	}

	@Test
	void charactersOutsideTheBasicPlaneFindNothingInsteadOfFailing() {
		assertThat(dictionary.search("\uD83D\uDE00\uD83D\uDE00")).isEmpty();
		assertThat(dictionary.search("\uD83D\uDE00医院")).isEmpty();
	}

	@Test
	void percentAndUnderscoreAreTakenLiterally() {
		// were they wildcards, these would match 福建省立医院
		assertThat(dictionary.search("福建%医院")).isEmpty();
		assertThat(dictionary.search("福建省_医院")).isEmpty();
		assertThat(dictionary.search("福建__医院")).isEmpty();

		String name = "测试%单位" + System.nanoTime();
		addUnit(name);
		assertThat(names("试%单")).contains(name);
		assertThat(names("试_单")).isEmpty();
	}

	@Test
	void disabledUnitsAreNotFound() {
		String name = "停用测试卫生院" + System.nanoTime();
		long id = addUnit(name);
		assertThat(names(name)).containsExactly(name);

		CurrentUser province = (CurrentUser) users.loadUserByUsername("350000");
		registry.setEnabled(Set.of(id), false, province);
		assertThat(names(name)).isEmpty();
		assertThat(names("停用测试")).doesNotContain(name);

		registry.setEnabled(Set.of(id), true, province);
		assertThat(names(name)).containsExactly(name);
	}

	@Test
	void showsTheRegionOfEachUnit() {
		assertThat(dictionary.search("连江县医院")).anySatisfy(unit -> {
			assertThat(unit.name()).isEqualTo("连江县医院");
			assertThat(unit.regionName()).isEqualTo("连江县");
		});
	}

	@Test
	void aQueryIsAnsweredFromItsRarestSliceAndSaysWhenThereAreMoreMatches() {
		String marker = "常" + (char) ('甲' + (int) (System.nanoTime() % 400));
		long province = institutions.findByCode("350000").orElseThrow().id;
		List<Long> ids = new java.util.ArrayList<>();
		try {
			// more names with the marker than one query reads from the index, then the one sought, with the highest id
			for (int i = 0; i <= UnitDictionary.CANDIDATES; i++) {
				ids.add(insertUnit(marker + "见卫生院" + i + "号" + System.nanoTime(), province));
			}
			String sought = marker + "稀有单位" + System.nanoTime();
			ids.add(insertUnit(sought, province));

			assertThat(names(marker + "稀有")).containsExactly(sought);
			assertThat(dictionary.find(marker + "稀有").more()).isFalse();

			UnitDictionary.Matches common = dictionary.find(marker);
			assertThat(common.units()).hasSize(UnitDictionary.MAX_RESULTS)
				.allSatisfy(unit -> assertThat(unit.name()).startsWith(marker));
			assertThat(common.more()).isTrue();
		}
		finally {
			jdbc.sql("DELETE FROM institution WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	private long insertUnit(String name, long parent) {
		String code = "K" + System.nanoTime();
		jdbc.sql("""
				INSERT INTO institution (code, name, kind, region_code, parent_id, path, review_rights, enabled,
				                         created_at, updated_at, version)
				VALUES (:code, :name, 'UNIT', '350000', :parent, '/', FALSE, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""")
			.param("code", code)
			.param("name", name)
			.param("parent", parent)
			.update();
		long id = jdbc.sql("SELECT id FROM institution WHERE code = :code").param("code", code).query(Long.class).single();
		jdbc.sql("UPDATE institution SET path = :path WHERE id = :id")
			.param("path", "/" + parent + "/" + id + "/")
			.param("id", id)
			.update();
		for (String gram : UnitDictionary.gramsOf(name)) {
			jdbc.sql("INSERT INTO institution_name_gram (gram, institution_id) VALUES (:gram, :id)")
				.param("gram", gram)
				.param("id", id)
				.update();
		}
		return id;
	}

	private List<String> names(String query) {
		return dictionary.search(query).stream().map(UnitDictionary.Unit::name).toList();
	}

	private long addUnit(String name) {
		long province = institutions.findByCode("350000").orElseThrow().id;
		return registry.addTrusted(new NewInstitution("U" + System.nanoTime(), name, InstitutionKind.UNIT, null,
				"350000", province, false, null, null)).institution().value();
	}
}

package cn.medrecruit.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.medrecruit.organization.BaseCategory;

/** The program module's tables: cohorts, batches with their rules and chain, and the specialty catalogues. */
@Repository
class BatchStore {

	private final JdbcClient jdbc;

	BatchStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ------------------------------------------------------------------------------------------------ cohorts

	record CohortRow(long id, Program program, int year) {
	}

	boolean cohortExists(Program program, int year) {
		return jdbc.sql("SELECT COUNT(*) FROM cohort WHERE program_code = :program AND cohort_year = :year")
			.param("program", program.code())
			.param("year", year)
			.query(Integer.class)
			.single() > 0;
	}

	long insertCohort(Program program, int year, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO cohort (program_code, cohort_year, created_at) VALUES (:program, :year, :now)")
			.param("program", program.code())
			.param("year", year)
			.param("now", Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	List<CohortRow> cohorts(Program program) {
		return jdbc.sql("SELECT id, cohort_year FROM cohort WHERE program_code = :program ORDER BY cohort_year DESC")
			.param("program", program.code())
			.query((rs, n) -> new CohortRow(rs.getLong("id"), program, rs.getInt("cohort_year")))
			.list();
	}

	Optional<CohortRow> cohort(long id) {
		return jdbc.sql("SELECT id, program_code, cohort_year FROM cohort WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new CohortRow(rs.getLong("id"), Program.ofCode(rs.getString("program_code")).orElseThrow(),
					rs.getInt("cohort_year")))
			.optional();
	}

	// ------------------------------------------------------------------------------------------------ batches

	boolean batchNameTaken(long cohortId, String name, Long except) {
		return jdbc.sql("SELECT COUNT(*) FROM batch WHERE cohort_id = :cohort AND name = :name AND id <> :except")
			.param("cohort", cohortId)
			.param("name", name)
			.param("except", except == null ? -1L : except)
			.query(Integer.class)
			.single() > 0;
	}

	long insertBatch(long cohortId, BatchSettings settings, List<Program.Stage> chain, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO batch (cohort_id, name, choice_count, adjustment_allowed, registration_start, registration_end,
				  admission_start, admission_end, confirmation_start, confirmation_end, check_in_start, check_in_end,
				  version, created_at, updated_at)
				VALUES (:cohort, :name, :choices, :adjustment, :rs, :re, :as, :ae, :cs, :ce, :ks, :ke, 0, :now, :now)
				""")
			.param("cohort", cohortId)
			.params(batchParams(settings))
			.param("now", Timestamp.from(now))
			.update(key, "id");
		long id = key.getKey().longValue();
		for (int i = 0; i < chain.size(); i++) {
			Window window = i < settings.stageWindows().size() ? settings.stageWindows().get(i) : null;
			insertStage(id, i, chain.get(i).level(), chain.get(i).onReject(), window);
		}
		writeSets(id, settings);
		return id;
	}

	void updateBatch(long id, int expectedVersion, BatchSettings settings, Instant now) {
		int updated = jdbc.sql("""
				UPDATE batch SET name = :name, choice_count = :choices, adjustment_allowed = :adjustment,
				  registration_start = :rs, registration_end = :re, admission_start = :as, admission_end = :ae,
				  confirmation_start = :cs, confirmation_end = :ce, check_in_start = :ks, check_in_end = :ke,
				  version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version
				""")
			.params(batchParams(settings))
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("batch " + id + " changed meanwhile");
		}
		for (int i = 0; i < settings.stageWindows().size(); i++) {
			Window window = settings.stageWindows().get(i);
			jdbc.sql("UPDATE batch_stage SET window_start = :start, window_end = :end "
					+ "WHERE batch_id = :id AND stage_position = :position")
				.param("start", window == null ? null : Timestamp.from(window.start()))
				.param("end", window == null ? null : Timestamp.from(window.end()))
				.param("id", id)
				.param("position", i)
				.update();
		}
		jdbc.sql("DELETE FROM batch_person_type WHERE batch_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM batch_base_category WHERE batch_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM batch_specialty WHERE batch_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM batch_field WHERE batch_id = :id").param("id", id).update();
		writeSets(id, settings);
	}

	/** Claims the next version of a batch before its chain changes; fails when someone else changed it meanwhile. */
	void bumpVersion(long id, int expectedVersion, Instant now) {
		int updated = jdbc.sql("UPDATE batch SET version = version + 1, updated_at = :now WHERE id = :id AND version = :version")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("batch " + id + " changed meanwhile");
		}
	}

	/** Replaces the whole chain of a batch, keeping each stage's window with it. */
	void replaceChain(long id, List<ChainStage> chain) {
		jdbc.sql("DELETE FROM batch_stage WHERE batch_id = :id").param("id", id).update();
		for (int i = 0; i < chain.size(); i++) {
			ChainStage stage = chain.get(i);
			insertStage(id, i, stage);
		}
	}

	private void insertStage(long batchId, int position, StageLevel level, OnReject onReject, Window window) {
		insertStage(batchId, position, new ChainStage(position, level, onReject, window));
	}

	private void insertStage(long batchId, int position, ChainStage stage) {
		StageLevel level = stage.level();
		OnReject onReject = stage.onReject();
		Window window = stage.window();
		jdbc.sql("""
				INSERT INTO batch_stage (batch_id, stage_position, stage_level, on_reject, window_start, window_end,
				  by_summary, images_required, reentry_point)
				VALUES (:batch, :position, :level, :onReject, :start, :end, :bySummary, :images, :reentry)
				""")
			.param("bySummary", stage.bySummary())
			.param("images", stage.imagesRequired())
			.param("reentry", stage.reentry())
			.param("batch", batchId)
			.param("position", position)
			.param("level", level.name())
			.param("onReject", onReject.name())
			.param("start", window == null ? null : Timestamp.from(window.start()))
			.param("end", window == null ? null : Timestamp.from(window.end()))
			.update();
	}

	private void writeSets(long id, BatchSettings settings) {
		for (PersonType type : settings.personTypes()) {
			BatchView.PersonTypeRule rule = settings.ruleOf(type);
			jdbc.sql("""
					INSERT INTO batch_person_type (batch_id, person_type, description, current_unit_required,
					  graduation_within, graduation_years)
					VALUES (:id, :type, :description, :unit, :within, :years)
					""")
				.param("id", id)
				.param("type", type.name())
				.param("description", rule.description())
				.param("unit", rule.currentUnitRequired())
				.param("within", rule.graduation().within())
				.param("years", rule.graduation().years().isEmpty() ? null : rule.graduation().yearsText())
				.update();
		}
		for (BatchView.FieldRule field : settings.fields()) {
			jdbc.sql("INSERT INTO batch_field (batch_id, field_key, required) VALUES (:id, :key, :required)")
				.param("id", id)
				.param("key", field.field().key())
				.param("required", field.required())
				.update();
		}
		for (BaseCategory category : settings.baseCategories()) {
			jdbc.sql("INSERT INTO batch_base_category (batch_id, category) VALUES (:id, :category)")
				.param("id", id)
				.param("category", category.name())
				.update();
		}
		for (Long specialty : settings.specialtyIds()) {
			jdbc.sql("INSERT INTO batch_specialty (batch_id, specialty_id) VALUES (:id, :specialty)")
				.param("id", id)
				.param("specialty", specialty)
				.update();
		}
	}

	private static java.util.Map<String, Object> batchParams(BatchSettings settings) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("name", settings.name());
		params.put("choices", settings.choiceCount());
		params.put("adjustment", settings.adjustmentAllowed());
		params.put("rs", Timestamp.from(settings.registration().start()));
		params.put("re", Timestamp.from(settings.registration().end()));
		params.put("as", Timestamp.from(settings.admission().start()));
		params.put("ae", Timestamp.from(settings.admission().end()));
		params.put("cs", Timestamp.from(settings.confirmation().start()));
		params.put("ce", Timestamp.from(settings.confirmation().end()));
		params.put("ks", Timestamp.from(settings.checkIn().start()));
		params.put("ke", Timestamp.from(settings.checkIn().end()));
		return params;
	}

	List<Long> batchIds(long cohortId) {
		return jdbc.sql("SELECT id FROM batch WHERE cohort_id = :cohort ORDER BY registration_start, id")
			.param("cohort", cohortId)
			.query(Long.class)
			.list();
	}

	/** Every batch, newest registration first. */
	List<Long> allBatchIds() {
		return jdbc.sql("SELECT id FROM batch ORDER BY registration_start DESC, id DESC").query(Long.class).list();
	}

	List<Long> batchIdsOpenAt(Instant now) {
		return jdbc.sql("SELECT id FROM batch WHERE registration_start <= :now AND registration_end > :now "
				+ "ORDER BY registration_end, id")
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	Optional<BatchView> batch(long id) {
		record Head(long cohortId, Program program, int year, String name, int choices, boolean adjustment,
				Window registration, Window admission, Window confirmation, Window checkIn, int version) {
		}
		Optional<Head> head = jdbc.sql("""
				SELECT b.*, c.program_code, c.cohort_year FROM batch b JOIN cohort c ON c.id = b.cohort_id
				WHERE b.id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Head(rs.getLong("cohort_id"), Program.ofCode(rs.getString("program_code")).orElseThrow(),
					rs.getInt("cohort_year"), rs.getString("name"), rs.getInt("choice_count"),
					rs.getBoolean("adjustment_allowed"), window(rs, "registration_start", "registration_end"),
					window(rs, "admission_start", "admission_end"),
					window(rs, "confirmation_start", "confirmation_end"), window(rs, "check_in_start", "check_in_end"),
					rs.getInt("version")))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Head h = head.get();
		// the person types, fields, base categories and specialties in one statement, one part of the union each
		Map<PersonType, BatchView.PersonTypeRule> chosen = new EnumMap<>(PersonType.class);
		List<BatchView.FieldRule> fields = new ArrayList<>();
		Set<BaseCategory> categories = EnumSet.noneOf(BaseCategory.class);
		List<SpecialtyAt> specialtiesAt = new ArrayList<>();
		jdbc.sql("""
				SELECT 'P' AS part, person_type AS code, description AS label, current_unit_required AS flag,
				       graduation_within AS within_years, graduation_years AS years, CAST(NULL AS BIGINT) AS ref,
				       CAST(NULL AS INT) AS sort_order
				  FROM batch_person_type WHERE batch_id = :id
				UNION ALL
				SELECT 'F', field_key, CAST(NULL AS VARCHAR), required, CAST(NULL AS INT), CAST(NULL AS VARCHAR),
				       CAST(NULL AS BIGINT), CAST(NULL AS INT)
				  FROM batch_field WHERE batch_id = :id
				UNION ALL
				SELECT 'C', category, CAST(NULL AS VARCHAR), CAST(NULL AS BOOLEAN), CAST(NULL AS INT),
				       CAST(NULL AS VARCHAR), CAST(NULL AS BIGINT), CAST(NULL AS INT)
				  FROM batch_base_category WHERE batch_id = :id
				UNION ALL
				SELECT 'S', s.code, s.name, CAST(NULL AS BOOLEAN), CAST(NULL AS INT), CAST(NULL AS VARCHAR), s.id,
				       s.sort_order
				  FROM batch_specialty b JOIN program_specialty s ON s.id = b.specialty_id WHERE b.batch_id = :id
				""")
			.param("id", id)
			.query(rs -> {
				switch (rs.getString("part")) {
					case "P" -> {
						BatchView.PersonTypeRule rule = personTypeRule(rs);
						chosen.put(rule.type(), rule);
					}
					case "F" -> {
						SupplementaryField field = SupplementaryField.ofKey(rs.getString("code"));
						if (field != null) {
							fields.add(new BatchView.FieldRule(field, rs.getBoolean("flag")));
						}
					}
					case "C" -> categories.add(BaseCategory.valueOf(rs.getString("code")));
					default -> specialtiesAt.add(new SpecialtyAt(rs.getInt("sort_order"), new BatchView.Specialty(
							rs.getLong("ref"), rs.getString("code"), rs.getString("label"))));
				}
			});
		List<BatchView.PersonTypeRule> personTypes = new ArrayList<>(chosen.values());
		fields.sort(Comparator.comparing(rule -> rule.field().ordinal()));
		List<BatchView.Specialty> specialties = specialtiesAt.stream()
			.sorted(Comparator.comparingInt(SpecialtyAt::sortOrder).thenComparingLong(at -> at.specialty().id()))
			.map(SpecialtyAt::specialty)
			.toList();
		List<ChainStage> chain = jdbc.sql("SELECT * FROM batch_stage WHERE batch_id = :id ORDER BY stage_position")
			.param("id", id)
			.query((rs, n) -> new ChainStage(rs.getInt("stage_position"), StageLevel.valueOf(rs.getString("stage_level")),
					OnReject.valueOf(rs.getString("on_reject")), window(rs, "window_start", "window_end"),
					nullableBoolean(rs, "by_summary"), nullableBoolean(rs, "images_required"),
					rs.getBoolean("reentry_point")))
			.list();
		return Optional.of(new BatchView(new BatchId(id), new CohortId(h.cohortId()), h.program(), h.year(), h.name(),
				List.copyOf(personTypes), Set.copyOf(categories), h.choices(), h.adjustment(), specialties,
				h.registration(), chain, h.admission(), h.confirmation(), h.checkIn(), List.copyOf(fields),
				h.version()));
	}

	/** A specialty of the batch with its place in the catalogue's order. */
	private record SpecialtyAt(int sortOrder, BatchView.Specialty specialty) {
	}

	private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	/** A stored rule; empty columns keep the person type's built-in text and unit rule and set no graduation rule. */
	private static BatchView.PersonTypeRule personTypeRule(ResultSet rs) throws SQLException {
		PersonType type = PersonType.valueOf(rs.getString("code"));
		boolean unit = rs.getBoolean("flag");
		boolean unitSet = !rs.wasNull();
		int within = rs.getInt("within_years");
		Integer withinYears = rs.wasNull() ? null : within;
		SortedSet<Integer> years = new TreeSet<>();
		String listed = rs.getString("years");
		if (listed != null) {
			for (String year : listed.split(",")) {
				if (!year.isBlank()) {
					years.add(Integer.valueOf(year.strip()));
				}
			}
		}
		return new BatchView.PersonTypeRule(type, rs.getString("label"),
				unitSet ? unit : type.currentUnitRequired(), new GraduationRule(withinYears, years));
	}

	private static Window window(ResultSet rs, String start, String end) throws SQLException {
		Timestamp from = rs.getTimestamp(start);
		Timestamp to = rs.getTimestamp(end);
		return from == null || to == null ? null : new Window(from.toInstant(), to.toInstant());
	}

	// ------------------------------------------------------------------------------------------------ specialties

	record SpecialtyRow(long id, String code, String name, Long parentId, int depth, boolean enabled) {
	}

	List<SpecialtyRow> specialties(Program program) {
		return jdbc.sql("""
				SELECT id, code, name, parent_id, depth, enabled FROM program_specialty
				WHERE program_code = :program ORDER BY sort_order, id
				""")
			.param("program", program.code())
			.query((rs, n) -> new SpecialtyRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					(Long) rs.getObject("parent_id", Long.class), rs.getInt("depth"), rs.getBoolean("enabled")))
			.list();
	}

	boolean specialtyNameTaken(Program program, Long parentId, String name) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM program_specialty WHERE program_code = :program AND name = :name
				AND COALESCE(parent_id, -1) = :parent
				""")
			.param("program", program.code())
			.param("name", name)
			.param("parent", parentId == null ? -1L : parentId)
			.query(Integer.class)
			.single() > 0;
	}

	long insertSpecialty(Program program, String code, String name, Long parentId, int depth) {
		int order = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM program_specialty WHERE program_code = :program")
			.param("program", program.code())
			.query(Integer.class)
			.single();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order, enabled)
				VALUES (:program, :code, :name, :parent, :depth, :order, TRUE)
				""")
			.param("program", program.code())
			.param("code", code)
			.param("name", name)
			.param("parent", parentId)
			.param("depth", depth)
			.param("order", order)
			.update(key, "id");
		return key.getKey().longValue();
	}

	int setSpecialtyEnabled(Program program, long id, boolean enabled) {
		return jdbc.sql("UPDATE program_specialty SET enabled = :enabled WHERE id = :id AND program_code = :program")
			.param("enabled", enabled)
			.param("id", id)
			.param("program", program.code())
			.update();
	}
}

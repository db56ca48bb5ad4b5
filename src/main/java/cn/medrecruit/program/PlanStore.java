package cn.medrecruit.program;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.medrecruit.organization.InstitutionFacts;

/**
 * The plan and quota tables, and the few facts about institutions they need (a base's kind and category, the
 * city-level health commissions), asked of the organization module.
 */
@Repository
class PlanStore {

	private final JdbcClient jdbc;
	private final InstitutionFacts institutions;

	PlanStore(JdbcClient jdbc, InstitutionFacts institutions) {
		this.institutions = institutions;
		this.jdbc = jdbc;
	}

	// ------------------------------------------------------------------------------------------------ institutions

	record InstitutionRow(long id, String name, String kind, String baseCategory) {
	}

	Optional<InstitutionRow> institution(long id) {
		return institutions.of(id).map(facts -> new InstitutionRow(facts.id(), facts.name(), facts.kind().name(),
				facts.baseCategory() == null ? null : facts.baseCategory().name()));
	}

	record City(long id, String name) {
	}

	/** The enabled health commissions of city level, the holders of quotas. */
	List<City> cities() {
		return institutions.cityCommissions().stream().map(facts -> new City(facts.id(), facts.name())).toList();
	}

	// ------------------------------------------------------------------------------------------------ declarations

	record Declaration(long batchId, long baseId, PlanStatus status, String reason, int version) {
	}

	Optional<Declaration> declaration(long batchId, long baseId) {
		return jdbc.sql("SELECT batch_id, base_institution_id, status, reason, version FROM plan_declaration "
				+ "WHERE batch_id = :batch AND base_institution_id = :base")
			.param("batch", batchId)
			.param("base", baseId)
			.query((rs, n) -> new Declaration(rs.getLong(1), rs.getLong(2), PlanStatus.valueOf(rs.getString(3)),
					rs.getString(4), rs.getInt(5)))
			.optional();
	}

	List<Declaration> declarations(long batchId) {
		return jdbc.sql("SELECT batch_id, base_institution_id, status, reason, version FROM plan_declaration "
				+ "WHERE batch_id = :batch ORDER BY base_institution_id")
			.param("batch", batchId)
			.query((rs, n) -> new Declaration(rs.getLong(1), rs.getLong(2), PlanStatus.valueOf(rs.getString(3)),
					rs.getString(4), rs.getInt(5)))
			.list();
	}

	void insertDeclaration(long batchId, long baseId, Instant now) {
		jdbc.sql("INSERT INTO plan_declaration (batch_id, base_institution_id, status, version, declared_at) "
				+ "VALUES (:batch, :base, 'DECLARED', 0, :now)")
			.param("batch", batchId)
			.param("base", baseId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Moves a declaration from one of {@code from} to {@code to}, if nobody changed it since {@code version}. */
	void changeDeclaration(long batchId, long baseId, int version, List<PlanStatus> from, PlanStatus to, String reason,
			Instant now) {
		String times = to == PlanStatus.DECLARED ? "declared_at = :now, decided_at = NULL" : "decided_at = :now";
		int changed = jdbc.sql("UPDATE plan_declaration SET status = :to, reason = :reason, version = version + 1, "
				+ times + " WHERE batch_id = :batch AND base_institution_id = :base AND version = :version "
				+ "AND status IN (:from)")
			.param("to", to.name())
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("batch", batchId)
			.param("base", baseId)
			.param("version", version)
			.param("from", from.stream().map(Enum::name).toList())
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("plan declaration changed");
		}
	}

	// ------------------------------------------------------------------------------------------------ plan rows

	record PlanRow(long baseId, long specialtyId, int places, int appliedCount, PlanStatus status) {

		public int remaining() {
			return Math.max(0, places - appliedCount);
		}
	}

	List<PlanRow> plans(long batchId) {
		return jdbc.sql("SELECT base_institution_id, specialty_id, places, applied_count, status FROM plan "
				+ "WHERE batch_id = :batch ORDER BY base_institution_id, specialty_id")
			.param("batch", batchId)
			.query((rs, n) -> new PlanRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
					PlanStatus.valueOf(rs.getString(5))))
			.list();
	}

	/** Sets the places of every specialty declared, keeping rows (and their counts) of specialties already there. */
	void writePlans(long batchId, long baseId, Map<Long, Integer> places, PlanStatus status) {
		for (Map.Entry<Long, Integer> entry : places.entrySet()) {
			int updated = jdbc.sql("UPDATE plan SET places = :places, status = :status, version = version + 1 "
					+ "WHERE batch_id = :batch AND base_institution_id = :base AND specialty_id = :specialty")
				.param("places", entry.getValue())
				.param("status", status.name())
				.param("batch", batchId)
				.param("base", baseId)
				.param("specialty", entry.getKey())
				.update();
			if (updated == 0) {
				jdbc.sql("INSERT INTO plan (batch_id, base_institution_id, specialty_id, places, status) "
						+ "VALUES (:batch, :base, :specialty, :places, :status)")
					.param("batch", batchId)
					.param("base", baseId)
					.param("specialty", entry.getKey())
					.param("places", entry.getValue())
					.param("status", status.name())
					.update();
			}
		}
	}

	void setPlanStatus(long batchId, long baseId, PlanStatus status) {
		jdbc.sql("UPDATE plan SET status = :status, version = version + 1 "
				+ "WHERE batch_id = :batch AND base_institution_id = :base")
			.param("status", status.name())
			.param("batch", batchId)
			.param("base", baseId)
			.update();
	}

	List<PlanLine> approvedPlans(long batchId, long specialtyId) {
		record Approved(long baseId, long specialtyId, int places, int appliedCount) {
		}
		List<Approved> rows = jdbc.sql("""
				SELECT base_institution_id, specialty_id, places, applied_count FROM plan
				WHERE batch_id = :batch AND specialty_id = :specialty AND status = 'APPROVED' AND places > 0""")
			.param("batch", batchId)
			.param("specialty", specialtyId)
			.query((rs, n) -> new Approved(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)))
			.list();
		Map<Long, InstitutionFacts.Facts> bases = institutions.of(rows.stream().map(Approved::baseId).toList());
		return rows.stream()
			.filter(row -> bases.containsKey(row.baseId()))
			.sorted(Comparator.comparing(row -> bases.get(row.baseId()).code()))
			.map(row -> new PlanLine(row.baseId(), bases.get(row.baseId()).name(), row.specialtyId(), row.places(),
					row.appliedCount()))
			.toList();
	}

	// ------------------------------------------------------------------------------------------------ counters

	int takePlan(long batchId, long baseId, long specialtyId) {
		return count("plan", "base_institution_id", "applied_count", +1, "status = 'APPROVED'", batchId, baseId,
				specialtyId);
	}

	int giveBackPlan(long batchId, long baseId, long specialtyId) {
		return count("plan", "base_institution_id", "applied_count", -1, "applied_count > 0", batchId, baseId,
				specialtyId);
	}

	int takeQuota(long batchId, long cityId, long specialtyId) {
		return count("quota", "city_institution_id", "filled_count", +1, "filled_count < places", batchId, cityId,
				specialtyId);
	}

	int giveBackQuota(long batchId, long cityId, long specialtyId) {
		return count("quota", "city_institution_id", "filled_count", -1, "filled_count > 0", batchId, cityId,
				specialtyId);
	}

	/**
	 * Moves one counter by one in a single conditional UPDATE, so concurrent submits never lose a count. Table,
	 * columns and condition are the constants above, never input.
	 */
	private int count(String table, String holderColumn, String counterColumn, int delta, String condition,
			long batchId, long holderId, long specialtyId) {
		return jdbc.sql("UPDATE " + table + " SET " + counterColumn + " = " + counterColumn + " + :delta"
				+ " WHERE batch_id = :batch AND " + holderColumn + " = :holder AND specialty_id = :specialty AND "
				+ condition)
			.param("delta", delta)
			.param("batch", batchId)
			.param("holder", holderId)
			.param("specialty", specialtyId)
			.update();
	}

	// ------------------------------------------------------------------------------------------------ quotas

	record QuotaRow(long id, long cityId, long specialtyId, int places, int filledCount, int version) {

		public int remaining() {
			return Math.max(0, places - filledCount);
		}
	}

	List<QuotaRow> quotas(long batchId) {
		return jdbc.sql("SELECT id, city_institution_id, specialty_id, places, filled_count, version FROM quota "
				+ "WHERE batch_id = :batch ORDER BY city_institution_id, specialty_id")
			.param("batch", batchId)
			.query((rs, n) -> new QuotaRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6)))
			.list();
	}

	Optional<QuotaRow> quota(long batchId, long cityId, long specialtyId) {
		return jdbc.sql("SELECT id, city_institution_id, specialty_id, places, filled_count, version FROM quota "
				+ "WHERE batch_id = :batch AND city_institution_id = :city AND specialty_id = :specialty")
			.param("batch", batchId)
			.param("city", cityId)
			.param("specialty", specialtyId)
			.query((rs, n) -> new QuotaRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6)))
			.optional();
	}

	void insertQuota(long batchId, long cityId, long specialtyId, int places) {
		jdbc.sql("INSERT INTO quota (batch_id, city_institution_id, specialty_id, places) "
				+ "VALUES (:batch, :city, :specialty, :places)")
			.param("batch", batchId)
			.param("city", cityId)
			.param("specialty", specialtyId)
			.param("places", places)
			.update();
	}

	/** Changes the places unless someone changed the row since {@code version} or more are taken by now. */
	void updateQuota(long id, int version, int places) {
		int changed = jdbc.sql("UPDATE quota SET places = :places, version = version + 1 "
				+ "WHERE id = :id AND version = :version AND filled_count <= :places")
			.param("places", places)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("quota changed");
		}
	}
}

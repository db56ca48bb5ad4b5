package cn.medrecruit.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.PersonType;

/** The application tables, through plain SQL. */
@Repository
class ApplicationStore {

	private static final String COLUMNS = """
			SELECT id, account_id, batch_id, person_type, specialty_id, accept_adjustment, status, submitted_at, version
			  FROM application""";

	private final JdbcClient jdbc;

	ApplicationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a draft; throws {@code DuplicateKeyException} when the applicant already has one for the batch. */
	long insertDraft(long account, long batch, Instant now) {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO application (account_id, batch_id, status, created_at, updated_at, version)
				VALUES (:account, :batch, 'DRAFT', :now, :now, 0)""")
			.param("account", account)
			.param("batch", batch)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ApplicationView> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(this::row).optional().map(this::withChildren);
	}

	Optional<ApplicationView> findFor(long account, long batch) {
		return jdbc.sql(COLUMNS + " WHERE account_id = :account AND batch_id = :batch")
			.param("account", account)
			.param("batch", batch)
			.query(this::row)
			.optional()
			.map(this::withChildren);
	}

	/** Locks the row until the transaction ends, so submit and cancel of one application run one after the other. */
	Optional<ApplicationView> lock(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = :id FOR UPDATE").param("id", id).query(this::row).optional()
			.map(this::withChildren);
	}

	/**
	 * Locks the row until the transaction ends, without its choices and supplementary fields (empty in the answer):
	 * one statement, for the review's listener that only moves the status.
	 */
	Optional<ApplicationView> lockRow(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = :id FOR UPDATE").param("id", id).query(this::row).optional();
	}

	/** The locked row as submit and cancel need it: its choices, not its supplementary fields. */
	record Locked(ApplicationView application, Long quotaCityId) {
	}

	/**
	 * Locks the row until the transaction ends, like {@link #lock}, in one statement that also reads the choices (as an
	 * array): submit and cancel do not read the supplementary fields.
	 */
	Optional<Locked> lockForChange(long id) {
		return jdbc.sql("""
				SELECT a.id, a.account_id, a.batch_id, a.person_type, a.specialty_id, a.accept_adjustment, a.status,
				       a.submitted_at, a.version, a.quota_city_id,
				       (SELECT ARRAY_AGG(c.base_institution_id ORDER BY c.choice_rank) FROM application_choice c
				         WHERE c.application_id = a.id) AS choices
				  FROM application a WHERE a.id = :id FOR UPDATE""")
			.param("id", id)
			.query((rs, n) -> new Locked(withChoices(row(rs, n), choices(rs.getArray("choices"))),
					(Long) rs.getObject("quota_city_id", Long.class)))
			.optional();
	}

	private static List<Long> choices(java.sql.Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		try {
			List<Long> choices = new java.util.ArrayList<>();
			for (Object choice : (Object[]) array.getArray()) {
				choices.add(((Number) choice).longValue());
			}
			return List.copyOf(choices);
		}
		finally {
			array.free();
		}
	}

	/** The city whose quota the submitted application holds; null when it holds none. */
	void setQuotaCity(long id, Long cityId) {
		jdbc.sql("UPDATE application SET quota_city_id = :city WHERE id = :id")
			.param("city", cityId)
			.param("id", id)
			.update();
	}

	List<ApplicationView> ofAccount(long account) {
		return jdbc.sql(COLUMNS + " WHERE account_id = :account ORDER BY id DESC")
			.param("account", account)
			.query(this::row)
			.list()
			.stream()
			.map(this::withChildren)
			.toList();
	}

	int countInStatus(long account, ApplicationStatus status) {
		return jdbc.sql("SELECT COUNT(*) FROM application WHERE account_id = :account AND status = :status")
			.param("account", account)
			.param("status", status.name())
			.query(Integer.class)
			.single();
	}

	/** Applications that keep the profile frozen: submitted or under review. */
	int countUnderReview(long account) {
		return jdbc.sql("SELECT COUNT(*) FROM application WHERE account_id = :account AND status IN ('SUBMITTED', 'UNDER_REVIEW')")
			.param("account", account)
			.query(Integer.class)
			.single();
	}

	/** A reviewer's correction of one supplementary field. */
	void correctField(long id, String key, String value, Instant now) {
		jdbc.sql("UPDATE application_field SET field_value = :value WHERE application_id = :id AND field_key = :key")
			.param("value", value)
			.param("id", id)
			.param("key", key)
			.update();
		jdbc.sql("UPDATE application SET updated_at = :now, version = version + 1 WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void setPersonType(long id, PersonType type, Instant now) {
		jdbc.sql("UPDATE application SET person_type = :type, updated_at = :now, version = version + 1 WHERE id = :id")
			.param("type", type.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/** A new specialty empties the choices, which were bases of the old one. */
	void setSpecialty(long id, long specialty, Instant now) {
		int changed = jdbc.sql("""
				UPDATE application SET specialty_id = :specialty, updated_at = :now, version = version + 1
				 WHERE id = :id AND (specialty_id IS NULL OR specialty_id <> :specialty)""")
			.param("specialty", specialty)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		if (changed > 0) {
			jdbc.sql("DELETE FROM application_choice WHERE application_id = :id").param("id", id).update();
		}
	}

	void setChoices(long id, List<Long> bases, Boolean acceptAdjustment, Instant now) {
		jdbc.sql("DELETE FROM application_choice WHERE application_id = :id").param("id", id).update();
		for (int i = 0; i < bases.size(); i++) {
			jdbc.sql("INSERT INTO application_choice (application_id, choice_rank, base_institution_id) VALUES (:id, :rank, :base)")
				.param("id", id)
				.param("rank", i + 1)
				.param("base", bases.get(i))
				.update();
		}
		jdbc.sql("""
				UPDATE application SET accept_adjustment = :adjust, updated_at = :now, version = version + 1
				 WHERE id = :id""")
			.param("adjust", acceptAdjustment)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void setFields(long id, Map<String, String> fields, Instant now) {
		jdbc.sql("DELETE FROM application_field WHERE application_id = :id").param("id", id).update();
		fields.forEach((key, value) -> jdbc.sql("""
				INSERT INTO application_field (application_id, field_key, field_value) VALUES (:id, :key, :value)""")
			.param("id", id)
			.param("key", key)
			.param("value", value.length() > 200 ? value.substring(0, 200) : value)
			.update());
		jdbc.sql("UPDATE application SET updated_at = :now, version = version + 1 WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void setStatus(long id, ApplicationStatus status, Instant submittedAt, Instant now) {
		jdbc.sql("""
				UPDATE application SET status = :status, submitted_at = :submitted, updated_at = :now,
				       version = version + 1 WHERE id = :id""")
			.param("status", status.name())
			.param("submitted", submittedAt == null ? null : Timestamp.from(submittedAt))
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void addHistory(long id, ApplicationStatus from, ApplicationStatus to, String actor, String reason, Instant at) {
		jdbc.sql("""
				INSERT INTO application_history (application_id, happened_at, from_status, to_status, actor, reason)
				VALUES (:id, :at, :from, :to, :actor, :reason)""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("actor", actor.length() > 64 ? actor.substring(0, 64) : actor)
			.param("reason", reason)
			.update();
	}

	List<HistoryEntry> history(long id) {
		return jdbc.sql("""
				SELECT happened_at, from_status, to_status, actor, reason FROM application_history
				 WHERE application_id = :id ORDER BY id""")
			.param("id", id)
			.query((rs, n) -> new HistoryEntry(rs.getTimestamp("happened_at").toInstant(),
					rs.getString("from_status") == null ? null : ApplicationStatus.valueOf(rs.getString("from_status")),
					ApplicationStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("reason")))
			.list();
	}

	private ApplicationView row(ResultSet rs, int n) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		long specialty = rs.getLong("specialty_id");
		Long specialtyId = rs.wasNull() ? null : specialty;
		boolean adjust = rs.getBoolean("accept_adjustment");
		Boolean acceptAdjustment = rs.wasNull() ? null : adjust;
		String type = rs.getString("person_type");
		return new ApplicationView(rs.getLong("id"), rs.getLong("account_id"), new BatchId(rs.getLong("batch_id")),
				type == null ? null : PersonType.valueOf(type), specialtyId, List.of(), acceptAdjustment, Map.of(),
				ApplicationStatus.valueOf(rs.getString("status")), submitted == null ? null : submitted.toInstant(),
				rs.getInt("version"));
	}

	private static ApplicationView withChoices(ApplicationView a, List<Long> choices) {
		return new ApplicationView(a.id(), a.accountId(), a.batchId(), a.personType(), a.specialtyId(),
				List.copyOf(choices), a.acceptAdjustment(), Map.of(), a.status(), a.submittedAt(), a.version());
	}

	private ApplicationView withChildren(ApplicationView a) {
		List<Long> choices = jdbc.sql("""
				SELECT base_institution_id FROM application_choice WHERE application_id = :id ORDER BY choice_rank""")
			.param("id", a.id())
			.query(Long.class)
			.list();
		return new ApplicationView(a.id(), a.accountId(), a.batchId(), a.personType(), a.specialtyId(),
				List.copyOf(choices), a.acceptAdjustment(), fieldsOf(a.id()), a.status(), a.submittedAt(), a.version());
	}

	/** The supplementary fields of an application, by key. */
	Map<String, String> fieldsOf(long id) {
		Map<String, String> fields = new LinkedHashMap<>();
		jdbc.sql("SELECT field_key, field_value FROM application_field WHERE application_id = :id ORDER BY field_key")
			.param("id", id)
			.query((rs, n) -> fields.put(rs.getString(1), rs.getString(2)))
			.list();
		return java.util.Collections.unmodifiableMap(fields);
	}
}

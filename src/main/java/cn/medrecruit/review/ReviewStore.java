package cn.medrecruit.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.OnReject;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.shared.LikePatterns;

/** The review tables, through plain SQL. */
@Repository
class ReviewStore {

	private static final String COLUMNS = """
			SELECT id, kind, subject_id, applicant_account_id, applicant_name, id_tail, reference_number, program_code,
			       cohort_id, batch_id, unit_institution_id, unit_path, first_choice_base_id, first_submitted_at,
			       submitted_at, round_no, state, stage_index, stage_level, holder_institution_id, version
			  FROM review_request""";

	private static final String DECISION_COLUMNS = """
			SELECT d.id, d.request_id, d.round_no, d.stage_index, d.stage_level, d.holder_institution_id, d.action,
			       d.opinion, d.withdraws_id, d.actor, d.decided_at,
			       (SELECT COUNT(*) FROM review_decision w WHERE w.withdraws_id = d.id) AS withdrawn
			  FROM review_decision d""";

	private final JdbcClient jdbc;

	ReviewStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ------------------------------------------------------------------------------------------ requests

	long insert(NewRequest r, RouteStage first, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO review_request (kind, subject_id, applicant_account_id, applicant_name, id_tail,
				  reference_number, program_code, cohort_id, batch_id, unit_institution_id, unit_path,
				  first_choice_base_id, first_submitted_at, submitted_at, round_no, state, stage_index, stage_level,
				  holder_institution_id, updated_at, version)
				VALUES (:kind, :subject, :applicant, :name, :tail, :ref, :program, :cohort, :batch, :unit, :path, :base,
				  :at, :at, 1, 'PENDING', :stage, :level, :holder, :now, 0)""")
			.param("kind", r.kind().name())
			.param("subject", r.subjectId())
			.param("applicant", r.applicant().value())
			.param("name", r.applicantName())
			.param("tail", r.idTail())
			.param("ref", r.referenceNumber())
			.param("program", r.programCode())
			.param("cohort", r.cohortId())
			.param("batch", r.batchId().value())
			.param("unit", r.unitInstitutionId())
			.param("path", r.unitPath())
			.param("base", r.firstChoiceBaseId())
			.param("at", Timestamp.from(r.submittedAt()))
			.param("stage", first.stageIndex())
			.param("level", first.level().name())
			.param("holder", first.holderInstitutionId())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A resubmission: fresh search fields, the next round, pending at the first stage of the new route. */
	void resubmit(long id, NewRequest r, int round, RouteStage first, Instant now) {
		jdbc.sql("""
				UPDATE review_request SET applicant_name = :name, id_tail = :tail, unit_institution_id = :unit,
				       unit_path = :path, first_choice_base_id = :base, submitted_at = :at, round_no = :round,
				       state = 'PENDING', stage_index = :stage, stage_level = :level, holder_institution_id = :holder,
				       updated_at = :now, version = version + 1
				 WHERE id = :id""")
			.param("name", r.applicantName())
			.param("tail", r.idTail())
			.param("unit", r.unitInstitutionId())
			.param("path", r.unitPath())
			.param("base", r.firstChoiceBaseId())
			.param("at", Timestamp.from(r.submittedAt()))
			.param("round", round)
			.param("stage", first.stageIndex())
			.param("level", first.level().name())
			.param("holder", first.holderInstitutionId())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	Optional<ReviewRequest> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(this::request).optional();
	}

	/**
	 * The applicant's name for a per-item result of a batch action: only while the institution holds the request, so
	 * a posted id of someone else's request reveals nothing.
	 */
	String nameHeldBy(long id, Long institution) {
		return find(id).filter(found -> institution != null && found.holderInstitutionId() == institution)
			.map(ReviewRequest::applicantName)
			.orElse("");
	}

	Optional<ReviewRequest> findFor(RequestKind kind, long subject) {
		return jdbc.sql(COLUMNS + " WHERE kind = :kind AND subject_id = :subject")
			.param("kind", kind.name())
			.param("subject", subject)
			.query(this::request)
			.optional();
	}

	/** Requests by id, in no particular order (the requests behind a chunk of 已审 lines). */
	List<ReviewRequest> findAll(java.util.Collection<Long> ids) {
		return ids.isEmpty() ? List.of()
				: jdbc.sql(COLUMNS + " WHERE id IN (:ids)").param("ids", ids).query(this::request).list();
	}

	/** Locks the rows of a group, in id order (as every lock of several requests is taken), by id. */
	Map<Long, ReviewRequest> lockAll(java.util.Collection<Long> ids) {
		Map<Long, ReviewRequest> locked = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(COLUMNS + " WHERE id IN (:ids) ORDER BY id FOR UPDATE")
				.param("ids", ids)
				.query(this::request)
				.list()
				.forEach(request -> locked.put(request.id(), request));
		}
		return locked;
	}

	/** Locks the row until the transaction ends: deciders of one request run one after the other. */
	Optional<ReviewRequest> lock(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = :id FOR UPDATE").param("id", id).query(this::request).optional();
	}

	Optional<ReviewRequest> lockFor(RequestKind kind, long subject) {
		return jdbc.sql(COLUMNS + " WHERE kind = :kind AND subject_id = :subject FOR UPDATE")
			.param("kind", kind.name())
			.param("subject", subject)
			.query(this::request)
			.optional();
	}

	void move(long id, ReviewState state, RouteStage stage, Instant now) {
		jdbc.sql("""
				UPDATE review_request SET state = :state, stage_index = :stage, stage_level = :level,
				       holder_institution_id = :holder, updated_at = :now, version = version + 1
				 WHERE id = :id""")
			.param("state", state.name())
			.param("stage", stage.stageIndex())
			.param("level", stage.level().name())
			.param("holder", stage.holderInstitutionId())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void setState(long id, ReviewState state, Instant now) {
		jdbc.sql("UPDATE review_request SET state = :state, updated_at = :now, version = version + 1 WHERE id = :id")
			.param("state", state.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void touch(long id, Instant now) {
		jdbc.sql("UPDATE review_request SET updated_at = :now, version = version + 1 WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * A holder's pending items (an inbox page), filtered, in submission order from the cursor on; one row more than a
	 * page tells whether another page follows. The leading (holder, state, submitted_at, id) columns follow the inbox
	 * index, so a page is an index range scan whatever the filters.
	 */
	List<ReviewRequest> inbox(long holder, InboxQuery q, ZoneId zone, int limit) {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE holder_institution_id = :holder AND state = 'PENDING'");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("holder", holder);
		filters(q, zone, sql, params);
		if (q.afterAt() != null) {
			// the first bound, implied by the second, is the one an index range can start from
			sql.append(q.newestFirst()
					? " AND submitted_at <= :afterAt AND (submitted_at < :afterAt OR (submitted_at = :afterAt AND id < :afterId))"
					: " AND submitted_at >= :afterAt AND (submitted_at > :afterAt OR (submitted_at = :afterAt AND id > :afterId))");
			params.put("afterAt", Timestamp.from(q.afterAt()));
			params.put("afterId", q.afterId());
		}
		sql.append(q.newestFirst() ? " ORDER BY submitted_at DESC, id DESC" : " ORDER BY submitted_at, id");
		sql.append(" LIMIT ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query(this::request).list();
	}

	/**
	 * The batches of a holder's pending items, for the inbox's batch filter, newest first, at most 100. A holder may
	 * have tens of thousands of pending items in a handful of batches: each step asks the index for the next lower
	 * batch instead of reading every item.
	 */
	List<Long> pendingBatches(long holder) {
		return jdbc.sql("""
				WITH RECURSIVE b (batch_id, n) AS (
				  SELECT MAX(batch_id), 1 FROM review_request WHERE holder_institution_id = :h AND state = 'PENDING'
				  UNION ALL
				  SELECT (SELECT MAX(r.batch_id) FROM review_request r
				           WHERE r.holder_institution_id = :h AND r.state = 'PENDING' AND r.batch_id < b.batch_id), b.n + 1
				    FROM b WHERE b.batch_id IS NOT NULL AND b.n < 100)
				SELECT batch_id FROM b WHERE batch_id IS NOT NULL ORDER BY batch_id DESC""")
			.param("h", holder)
			.query(Long.class)
			.list();
	}

	/** Requests of the subtree (read-only search of city and province reviewers), newest first from the cursor. */
	List<ReviewRequest> inArea(String scopePath, ReviewState state, InboxQuery q, ZoneId zone, int limit) {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE unit_path LIKE :scope");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("scope", LikePatterns.startingWith(scopePath));
		if (state != null) {
			sql.append(" AND state = :state");
			params.put("state", state.name());
		}
		filters(q, zone, sql, params);
		if (q.afterAt() != null) {
			sql.append(" AND submitted_at <= :afterAt AND (submitted_at < :afterAt OR (submitted_at = :afterAt AND id < :afterId))");
			params.put("afterAt", Timestamp.from(q.afterAt()));
			params.put("afterId", q.afterId());
		}
		sql.append(" ORDER BY submitted_at DESC, id DESC LIMIT ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query(this::request).list();
	}

	private static void filters(InboxQuery q, ZoneId zone, StringBuilder sql, Map<String, Object> params) {
		if (q.program() != null) {
			sql.append(" AND program_code = :program");
			params.put("program", q.program());
		}
		if (q.cohort() != null) {
			sql.append(" AND cohort_id = :cohort");
			params.put("cohort", q.cohort());
		}
		if (q.batch() != null) {
			sql.append(" AND batch_id = :batch");
			params.put("batch", q.batch());
		}
		if (q.stage() != null) {
			sql.append(" AND stage_level = :stage");
			params.put("stage", q.stage().name());
		}
		if (q.q() != null) {
			sql.append(" AND (applicant_name LIKE :name OR id_tail = :q OR reference_number = :q)");
			params.put("name", LikePatterns.startingWith(q.q()));
			params.put("q", q.q());
		}
		if (q.from() != null) {
			sql.append(" AND submitted_at >= :from");
			params.put("from", Timestamp.from(q.from().atStartOfDay(zone).toInstant()));
		}
		if (q.to() != null) {
			sql.append(" AND submitted_at < :to");
			params.put("to", Timestamp.from(q.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
	}

	/** Whether an institution held a stage of the request (it decided there) or holds it now. */
	boolean heldBy(long request, long institution) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM review_request r
				 WHERE r.id = :id AND (r.holder_institution_id = :inst OR EXISTS (SELECT 1 FROM review_decision d
				       WHERE d.request_id = r.id AND d.holder_institution_id = :inst))""")
			.param("id", request)
			.param("inst", institution)
			.query(Integer.class)
			.single() > 0;
	}

	/** Whether the institution is on the route of any request of the applicant (it may see their evidence). */
	boolean onRouteOfApplicant(long applicant, long institution) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM review_request r JOIN review_request_route s ON s.request_id = r.id
				 WHERE r.applicant_account_id = :applicant AND s.holder_institution_id = :inst""")
			.param("applicant", applicant)
			.param("inst", institution)
			.query(Integer.class)
			.single() > 0;
	}

	/** Pending requests per holder, for the stuck list. */
	Map<Long, Integer> pendingPerHolder() {
		Map<Long, Integer> counts = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				SELECT holder_institution_id, COUNT(*) FROM review_request WHERE state = 'PENDING'
				 GROUP BY holder_institution_id ORDER BY holder_institution_id""")
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

	// ------------------------------------------------------------------------------------------ route

	void insertRoute(long request, int round, List<RouteStage> route, ReviewRouter.Rules rules) {
		for (RouteStage stage : route) {
			jdbc.sql("""
					INSERT INTO review_request_route (request_id, round_no, stage_index, stage_level, on_reject,
					  holder_institution_id, by_summary, images_required)
					VALUES (:r, :round, :stage, :level, :onReject, :holder, :bySummary, :images)""")
				.param("bySummary", rules.bySummary().contains(stage.stageIndex()))
				.param("images", rules.allImages().contains(stage.stageIndex()))
				.param("r", request)
				.param("round", round)
				.param("stage", stage.stageIndex())
				.param("level", stage.level().name())
				.param("onReject", stage.onReject().name())
				.param("holder", stage.holderInstitutionId())
				.update();
		}
	}

	List<RouteStage> route(long request, int round) {
		return jdbc.sql("""
				SELECT stage_index, stage_level, on_reject, holder_institution_id FROM review_request_route
				 WHERE request_id = :r AND round_no = :round ORDER BY stage_index""")
			.param("r", request)
			.param("round", round)
			.query((rs, n) -> new RouteStage(rs.getInt("stage_index"), StageLevel.valueOf(rs.getString("stage_level")),
					OnReject.valueOf(rs.getString("on_reject")), nullableLong(rs, "holder_institution_id")))
			.list();
	}

	/**
	 * The route of a request's current round, with the stages that forward by summary submission and each stage's
	 * image rule as the round was opened (absent for rounds opened before the rule was kept per stage).
	 */
	record Route(List<RouteStage> stages, java.util.Set<Integer> bySummary, Map<Integer, Boolean> allImages) {

		/** Whether the stage approves only with every image answered 是; older rounds: only the last stage. */
		boolean requiresAllImages(int stageIndex, boolean last) {
			Boolean rule = allImages.get(stageIndex);
			return rule != null ? rule : last;
		}
	}

	/** The routes of the requests' current rounds, by request id, in one statement. */
	Map<Long, Route> currentRoutes(java.util.Collection<Long> ids) {
		Map<Long, Route> routes = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return routes;
		}
		jdbc.sql("""
				SELECT s.request_id, s.stage_index, s.stage_level, s.on_reject, s.holder_institution_id, s.by_summary,
				       s.images_required
				  FROM review_request_route s JOIN review_request r ON r.id = s.request_id AND r.round_no = s.round_no
				 WHERE s.request_id IN (:ids) ORDER BY s.request_id, s.stage_index""")
			.param("ids", ids)
			.query((rs, n) -> {
				Route route = routes.computeIfAbsent(rs.getLong("request_id"),
						id -> new Route(new java.util.ArrayList<>(), new java.util.HashSet<>(), new java.util.HashMap<>()));
				RouteStage stage = new RouteStage(rs.getInt("stage_index"), StageLevel.valueOf(rs.getString("stage_level")),
						OnReject.valueOf(rs.getString("on_reject")), nullableLong(rs, "holder_institution_id"));
				route.stages().add(stage);
				if (rs.getBoolean("by_summary")) {
					route.bySummary().add(stage.stageIndex());
				}
				boolean images = rs.getBoolean("images_required");
				if (!rs.wasNull()) {
					route.allImages().put(stage.stageIndex(), images);
				}
				return stage;
			})
			.list();
		return routes;
	}

	/** Of the decisions named, those made at a stage of their round that forwards by summary submission (汇总提交). */
	java.util.Set<Long> forwardedBySummary(java.util.Collection<Long> decisions) {
		return decisions.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(jdbc.sql("""
				SELECT d.id FROM review_decision d JOIN review_request_route s ON s.request_id = d.request_id
				   AND s.round_no = d.round_no AND s.stage_index = d.stage_index
				 WHERE d.id IN (:ids) AND s.by_summary = TRUE""")
			.param("ids", decisions)
			.query(Long.class)
			.list());
	}

	/** Hands the current stage of a round to another holder (cross review): the route row and the request. */
	void reassign(long request, int round, int stageIndex, long holder, Instant now) {
		jdbc.sql("""
				UPDATE review_request_route SET holder_institution_id = :holder
				 WHERE request_id = :r AND round_no = :round AND stage_index = :stage""")
			.param("holder", holder)
			.param("r", request)
			.param("round", round)
			.param("stage", stageIndex)
			.update();
		jdbc.sql("""
				UPDATE review_request SET holder_institution_id = :holder, updated_at = :now, version = version + 1
				 WHERE id = :r""")
			.param("holder", holder)
			.param("now", Timestamp.from(now))
			.param("r", request)
			.update();
	}

	// ------------------------------------------------------------------------------------------ waiting for a summary

	/** A holder's waiting requests per batch, newest batch first. */
	Map<Long, Integer> waitingPerBatch(long holder) {
		Map<Long, Integer> counts = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				SELECT batch_id, COUNT(*) FROM review_request WHERE holder_institution_id = :h AND state = 'WAITING'
				 GROUP BY batch_id ORDER BY batch_id DESC""")
			.param("h", holder)
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

	List<ReviewRequest> waiting(long holder, long batch, int limit) {
		return jdbc.sql(COLUMNS + " " + """
				 WHERE holder_institution_id = :h AND state = 'WAITING' AND batch_id = :b
				 ORDER BY submitted_at, id LIMIT :limit""")
			.param("limit", limit)
			.param("h", holder)
			.param("b", batch)
			.query(this::request)
			.list();
	}

	/** Locks a holder's waiting requests of a batch (only the chosen ones when {@code ids} is not empty), by id. */
	List<ReviewRequest> lockWaiting(long holder, long batch, java.util.Collection<Long> ids) {
		return jdbc.sql(COLUMNS + " WHERE holder_institution_id = :h AND state = 'WAITING' AND batch_id = :b"
				+ (ids.isEmpty() ? "" : " AND id IN (:ids)") + " ORDER BY id FOR UPDATE")
			.param("h", holder)
			.param("b", batch)
			.params(ids.isEmpty() ? Map.of() : Map.of("ids", ids))
			.query(this::request)
			.list();
	}

	// ------------------------------------------------------------------------------------------ decisions

	/** Writes a line of the request's log and answers it as stored. */
	ReviewDecision insertDecision(long request, int round, RouteStage stage, ReviewAction action, String opinion,
			Long withdraws, Long actorAccount, String actor, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		String by = actor.length() > 64 ? actor.substring(0, 64) : actor;
		jdbc.sql("""
				INSERT INTO review_decision (request_id, round_no, stage_index, stage_level, holder_institution_id,
				  action, opinion, withdraws_id, actor_account_id, actor, decided_at)
				VALUES (:r, :round, :stage, :level, :holder, :action, :opinion, :withdraws, :account, :actor, :at)""")
			.param("r", request)
			.param("round", round)
			.param("stage", stage.stageIndex())
			.param("level", stage.level().name())
			.param("holder", stage.holderInstitutionId())
			.param("action", action.name())
			.param("opinion", opinion)
			.param("withdraws", withdraws)
			.param("account", actorAccount)
			.param("actor", by)
			.param("at", Timestamp.from(at))
			.update(keys, "id");
		return new ReviewDecision(keys.getKey().longValue(), request, round, stage.stageIndex(), stage.level(),
				stage.holderInstitutionId(), action, opinion, withdraws, by, at, false);
	}

	List<ReviewDecision> decisions(long request) {
		return jdbc.sql(DECISION_COLUMNS + " WHERE d.request_id = :r ORDER BY d.id")
			.param("r", request)
			.query(this::decisionRow)
			.list();
	}

	/** The logs of several requests, oldest line first, by request id (every request named has an entry). */
	Map<Long, List<ReviewDecision>> decisionsOf(java.util.Collection<Long> ids) {
		Map<Long, List<ReviewDecision>> logs = new java.util.HashMap<>();
		ids.forEach(id -> logs.put(id, new java.util.ArrayList<>()));
		if (!ids.isEmpty()) {
			jdbc.sql(DECISION_COLUMNS + " WHERE d.request_id IN (:ids) ORDER BY d.request_id, d.id")
				.param("ids", ids)
				.query(this::decisionRow)
				.list()
				.forEach(line -> logs.get(line.requestId()).add(line));
		}
		return logs;
	}

	Optional<ReviewDecision> decision(long id) {
		return jdbc.sql(DECISION_COLUMNS + " WHERE d.id = :id").param("id", id).query(this::decisionRow).optional();
	}

	/** Whether any reviewer decided on the request (skips and resubmissions are not decisions). */
	boolean anyDecision(long request) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM review_decision WHERE request_id = :r AND action IN ('APPROVE', 'REJECT', 'RETURN')""")
			.param("r", request)
			.query(Integer.class)
			.single() > 0;
	}

	/** Of the decisions named, those a later stage of their round has acted on since (approved, rejected, returned). */
	java.util.Set<Long> actedOnLater(java.util.Collection<Long> decisions) {
		return decisions.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(jdbc.sql("""
				SELECT d.id FROM review_decision d WHERE d.id IN (:ids) AND EXISTS (SELECT 1 FROM review_decision l
				 WHERE l.request_id = d.request_id AND l.round_no = d.round_no AND l.stage_index > d.stage_index
				   AND l.action IN ('APPROVE', 'REJECT', 'RETURN'))""")
			.param("ids", decisions)
			.query(Long.class)
			.list());
	}

	/** 已审: what the institution decided, newest first, before the cursor. */
	List<Decided> decidedBy(long institution, Long beforeId, int limit) {
		return jdbc.sql(DECISION_COLUMNS.replace("FROM review_decision d", """
				, r.applicant_name, r.reference_number, r.state, r.round_no AS current_round, r.stage_index AS current_stage
				  FROM review_decision d JOIN review_request r ON r.id = d.request_id""")
				+ " WHERE d.holder_institution_id = :inst AND d.action IN ('APPROVE', 'REJECT', 'RETURN')"
				+ (beforeId == null ? "" : " AND d.id < :before") + " ORDER BY d.id DESC LIMIT " + limit)
			.param("inst", institution)
			.params(beforeId == null ? Map.of() : Map.of("before", beforeId))
			.query((rs, n) -> new Decided(decisionRow(rs, n), rs.getString("applicant_name"),
					rs.getString("reference_number"), ReviewState.valueOf(rs.getString("state")),
					rs.getInt("current_round"), rs.getInt("current_stage")))
			.list();
	}

	record Decided(ReviewDecision decision, String applicantName, String referenceNumber, ReviewState state,
			int currentRound, int currentStage) {
	}

	Optional<Instant> noticeSeen(long account) {
		return jdbc.sql("SELECT seen_until FROM review_notice_seen WHERE account_id = :a")
			.param("a", account)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	void markNoticeSeen(long account, Instant at) {
		int updated = jdbc.sql("UPDATE review_notice_seen SET seen_until = :at WHERE account_id = :a")
			.param("a", account)
			.param("at", Timestamp.from(at))
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO review_notice_seen (account_id, seen_until) VALUES (:a, :at)")
				.param("a", account)
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	// ------------------------------------------------------------------------------------------ checks, corrections

	void insertCheck(long request, int round, int stage, long file, boolean consistent, String reason, long account,
			String actor, Instant at) {
		jdbc.sql("""
				INSERT INTO review_image_check (request_id, round_no, stage_index, file_id, consistent, reason,
				  actor_account_id, actor, checked_at)
				VALUES (:r, :round, :stage, :file, :consistent, :reason, :account, :actor, :at)""")
			.param("r", request)
			.param("round", round)
			.param("stage", stage)
			.param("file", file)
			.param("consistent", consistent)
			.param("reason", reason)
			.param("account", account)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Every answer for the request, oldest first (the newest per image and stage counts). */
	List<ImageCheck> checks(long request) {
		return jdbc.sql("""
				SELECT file_id, round_no, stage_index, consistent, reason, actor, checked_at FROM review_image_check
				 WHERE request_id = :r ORDER BY id""")
			.param("r", request)
			.query((rs, n) -> imageCheck(rs))
			.list();
	}

	private static ImageCheck imageCheck(ResultSet rs) throws SQLException {
		return new ImageCheck(rs.getLong("file_id"), rs.getInt("round_no"), rs.getInt("stage_index"),
				rs.getBoolean("consistent"), rs.getString("reason"), rs.getString("actor"),
				rs.getTimestamp("checked_at").toInstant());
	}

	/** Every answer for several requests, oldest first, by request id (every request named has an entry). */
	Map<Long, List<ImageCheck>> checksOf(java.util.Collection<Long> ids) {
		Map<Long, List<ImageCheck>> checks = new java.util.HashMap<>();
		ids.forEach(id -> checks.put(id, new java.util.ArrayList<>()));
		if (!ids.isEmpty()) {
			jdbc.sql("""
					SELECT request_id, file_id, round_no, stage_index, consistent, reason, actor, checked_at
					  FROM review_image_check WHERE request_id IN (:ids) ORDER BY id""")
				.param("ids", ids)
				.query((rs, n) -> checks.get(rs.getLong("request_id")).add(imageCheck(rs)))
				.list();
		}
		return checks;
	}

	void insertCorrection(long request, int round, RouteStage stage, String key, String label, String oldValue,
			String newValue, String reason, long account, String actor, Instant at) {
		jdbc.sql("""
				INSERT INTO review_correction (request_id, round_no, stage_index, stage_level, holder_institution_id,
				  field_key, field_label, old_value, new_value, reason, actor_account_id, actor, corrected_at)
				VALUES (:r, :round, :stage, :level, :holder, :key, :label, :old, :new, :reason, :account, :actor, :at)""")
			.param("r", request)
			.param("round", round)
			.param("stage", stage.stageIndex())
			.param("level", stage.level().name())
			.param("holder", stage.holderInstitutionId())
			.param("key", key)
			.param("label", label)
			.param("old", oldValue)
			.param("new", newValue)
			.param("reason", reason)
			.param("account", account)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<Correction> corrections(long request) {
		return jdbc.sql("""
				SELECT id, round_no, stage_index, stage_level, holder_institution_id, field_key, field_label, old_value,
				       new_value, reason, actor, corrected_at FROM review_correction WHERE request_id = :r ORDER BY id""")
			.param("r", request)
			.query((rs, n) -> new Correction(rs.getLong("id"), rs.getInt("round_no"), rs.getInt("stage_index"),
					StageLevel.valueOf(rs.getString("stage_level")), rs.getLong("holder_institution_id"),
					rs.getString("field_key"), rs.getString("field_label"), rs.getString("old_value"),
					rs.getString("new_value"), rs.getString("reason"), rs.getString("actor"),
					rs.getTimestamp("corrected_at").toInstant()))
			.list();
	}

	// ------------------------------------------------------------------------------------------ rows

	private ReviewRequest request(ResultSet rs, int n) throws SQLException {
		return new ReviewRequest(rs.getLong("id"), RequestKind.valueOf(rs.getString("kind")), rs.getLong("subject_id"),
				new AccountId(rs.getLong("applicant_account_id")), rs.getString("applicant_name"),
				rs.getString("id_tail"), rs.getString("reference_number"), rs.getString("program_code"),
				rs.getLong("cohort_id"), new BatchId(rs.getLong("batch_id")), nullableLong(rs, "unit_institution_id"),
				rs.getString("unit_path"), nullableLong(rs, "first_choice_base_id"),
				rs.getTimestamp("first_submitted_at").toInstant(), rs.getTimestamp("submitted_at").toInstant(),
				rs.getInt("round_no"), ReviewState.valueOf(rs.getString("state")), rs.getInt("stage_index"),
				StageLevel.valueOf(rs.getString("stage_level")), rs.getLong("holder_institution_id"),
				rs.getInt("version"));
	}

	private ReviewDecision decisionRow(ResultSet rs, int n) throws SQLException {
		return new ReviewDecision(rs.getLong("id"), rs.getLong("request_id"), rs.getInt("round_no"),
				rs.getInt("stage_index"), StageLevel.valueOf(rs.getString("stage_level")),
				nullableLong(rs, "holder_institution_id"), ReviewAction.valueOf(rs.getString("action")),
				rs.getString("opinion"), nullableLong(rs, "withdraws_id"), rs.getString("actor"),
				rs.getTimestamp("decided_at").toInstant(), rs.getInt("withdrawn") > 0);
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}

package cn.medrecruit.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.organization.InstitutionFacts;
import cn.medrecruit.program.BatchId;
import cn.medrecruit.program.BatchView;
import cn.medrecruit.program.Batches;
import cn.medrecruit.program.ChainStage;
import cn.medrecruit.program.StageLevel;
import cn.medrecruit.reporting.ChartData;
import cn.medrecruit.shared.LikePatterns;
import cn.medrecruit.shared.Texts;

/**
 * 进度跟踪: the requests of one batch in the viewer's subtree, counted per region (the institutions directly under the
 * viewer's: a province sees its cities, a city its counties, a county its units) and per stage of the batch's chain.
 * One grouped statement over the request table does the counting; a stage counts as passed once the request stands
 * at a later stage (a skipped stage is passed too) or was finally approved.
 */
@Service
class ReviewProgress {

	/** How many batches the batch filter offers, newest first. */
	static final int BATCH_CHOICES = 50;

	private final JdbcClient jdbc;
	private final InstitutionFacts institutions;
	private final Batches batches;
	private final Texts texts;

	ReviewProgress(JdbcClient jdbc, InstitutionFacts institutions, Batches batches, Texts texts) {
		this.jdbc = jdbc;
		this.institutions = institutions;
		this.batches = batches;
		this.texts = texts;
	}

	/** A batch the viewer's subtree has requests of. */
	record BatchChoice(long id, String programCode, String label) {
	}

	/** The totals of a region: every request not cancelled, and how many of them stand in each state. */
	record Figures(long submitted, long pending, long approved, long rejected, long returned) {
	}

	/** One stage of the chain in a region: reached (or skipped to beyond), pending there, passed, ended, returned. */
	record StageFigures(int index, StageLevel level, long reached, long pending, long passed, long rejected,
			long returned) {
	}

	record Region(Long institutionId, String name, Figures totals, List<StageFigures> stages) {
	}

	record Dashboard(BatchView batch, List<Region> regions, Region all, ChartData funnel, ChartData bars) {
	}

	/** Batches the viewer's subtree has requests of, newest first; only the program's when one is given. */
	@Transactional(readOnly = true)
	List<BatchChoice> batches(CurrentUser viewer, String program) {
		if (viewer.getScopePath() == null) {
			return List.of();
		}
		List<BatchChoice> choices = new ArrayList<>();
		jdbc.sql("""
				SELECT batch_id, program_code FROM review_request WHERE unit_path LIKE :scope
				 GROUP BY batch_id, program_code ORDER BY batch_id DESC""")
			.param("scope", LikePatterns.startingWith(viewer.getScopePath()))
			.query((rs, n) -> {
				String code = rs.getString("program_code");
				if ((program == null || program.equals(code)) && choices.size() < BATCH_CHOICES) {
					long id = rs.getLong("batch_id");
					batches.find(new BatchId(id))
						.ifPresent(batch -> choices.add(new BatchChoice(id, code, batch.year() + " " + batch.name())));
				}
				return code;
			})
			.list();
		return choices;
	}

	/** The dashboard of one batch; empty when the viewer has no subtree or the batch is unknown. */
	@Transactional(readOnly = true)
	Optional<Dashboard> dashboard(CurrentUser viewer, long batchId) {
		String scope = viewer.getScopePath();
		Optional<BatchView> found = batches.find(new BatchId(batchId));
		if (scope == null || viewer.institutionId() == null || found.isEmpty()) {
			return Optional.empty();
		}
		BatchView batch = found.get();
		List<InstitutionFacts.Child> children = institutions.children(viewer.institutionId());
		int stages = batch.chain().size();
		Tally[] tallies = new Tally[children.size() + 1];
		for (int i = 0; i < tallies.length; i++) {
			tallies[i] = new Tally(stages);
		}
		Tally all = new Tally(stages);
		StringBuilder region = new StringBuilder("CASE");
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < children.size(); i++) {
			region.append(" WHEN unit_path LIKE :r").append(i).append(" THEN ").append(i);
			params.put("r" + i, LikePatterns.startingWith(children.get(i).path()));
		}
		region.append(" ELSE -1 END");
		params.put("scope", LikePatterns.startingWith(scope));
		params.put("batch", batchId);
		// the region is computed in an inner select: PostgreSQL matches GROUP BY expressions by text, and bound
		// parameters would differ between the select list and the GROUP BY
		jdbc.sql("SELECT region, state, stage_index, COUNT(*) AS n FROM (SELECT "
				+ (children.isEmpty() ? "-1" : region.toString())
				+ " AS region, state, stage_index FROM review_request WHERE batch_id = :batch"
				+ " AND unit_path LIKE :scope AND state <> 'CANCELLED') t GROUP BY region, state, stage_index")
			.params(params)
			.query((rs, n) -> {
				int index = rs.getInt("region");
				ReviewState state = ReviewState.valueOf(rs.getString("state"));
				int stage = rs.getInt("stage_index");
				long count = rs.getLong("n");
				tallies[index < 0 ? children.size() : index].add(state, stage, count);
				all.add(state, stage, count);
				return index;
			})
			.list();
		List<Region> regions = new ArrayList<>();
		for (int i = 0; i < children.size(); i++) {
			regions.add(tallies[i].region(children.get(i).id(), children.get(i).name(), batch.chain()));
		}
		Tally own = tallies[children.size()];
		if (children.isEmpty() || own.submitted > 0) {
			regions.add(own.region(viewer.institutionId(), viewer.getInstitutionName(), batch.chain()));
		}
		Region total = all.region(null, texts.get("review.progress.all"), batch.chain());
		return Optional.of(new Dashboard(batch, regions, total, funnel(total), bars(regions)));
	}

	/** Submitted, then passed at each stage but the last, then finally approved. */
	private ChartData funnel(Region total) {
		List<String> steps = new ArrayList<>();
		List<Long> values = new ArrayList<>();
		steps.add(texts.get("review.progress.submitted"));
		values.add(total.totals().submitted());
		for (int i = 0; i < total.stages().size() - 1; i++) {
			StageFigures stage = total.stages().get(i);
			steps.add(texts.get("review.progress.passed-stage", texts.get(stage.level().messageKey())));
			values.add(stage.passed());
		}
		steps.add(texts.get("review.progress.approved"));
		values.add(total.totals().approved());
		return ChartData.funnel(texts.get("review.progress.funnel"), steps, values);
	}

	private ChartData bars(List<Region> regions) {
		List<String> labels = regions.stream().map(Region::name).toList();
		return ChartData.stackedBars(labels,
				new ChartData.Series(texts.get("review.progress.pending"),
						regions.stream().map(r -> r.totals().pending()).toList()),
				new ChartData.Series(texts.get("review.progress.approved"),
						regions.stream().map(r -> r.totals().approved()).toList()),
				new ChartData.Series(texts.get("review.progress.rejected"),
						regions.stream().map(r -> r.totals().rejected()).toList()),
				new ChartData.Series(texts.get("review.progress.returned"),
						regions.stream().map(r -> r.totals().returned()).toList()));
	}

	/** Counts of one region while the grouped rows are read. */
	private static final class Tally {

		long submitted;
		long pending;
		long approved;
		long rejected;
		long returned;
		final long[] reached;
		final long[] stagePending;
		final long[] passed;
		final long[] stageRejected;
		final long[] stageReturned;

		Tally(int stages) {
			reached = new long[stages];
			stagePending = new long[stages];
			passed = new long[stages];
			stageRejected = new long[stages];
			stageReturned = new long[stages];
		}

		void add(ReviewState state, int stageIndex, long n) {
			submitted += n;
			switch (state) {
				case PENDING -> pending += n;
				case APPROVED -> approved += n;
				case REJECTED -> rejected += n;
				case RETURNED -> returned += n;
				default -> {
				}
			}
			for (int s = 0; s < reached.length; s++) {
				boolean approvedAll = state == ReviewState.APPROVED;
				if (approvedAll || stageIndex >= s) {
					reached[s] += n;
				}
				if (approvedAll || stageIndex > s) {
					passed[s] += n;
				}
				if (stageIndex == s) {
					if (state == ReviewState.PENDING) {
						stagePending[s] += n;
					}
					else if (state == ReviewState.REJECTED) {
						stageRejected[s] += n;
					}
					else if (state == ReviewState.RETURNED) {
						stageReturned[s] += n;
					}
				}
			}
		}

		Region region(Long id, String name, List<ChainStage> chain) {
			List<StageFigures> stages = new ArrayList<>();
			for (int s = 0; s < reached.length; s++) {
				stages.add(new StageFigures(s, chain.get(s).level(), reached[s], stagePending[s], passed[s],
						stageRejected[s], stageReturned[s]));
			}
			return new Region(id, name, new Figures(submitted, pending, approved, rejected, returned), stages);
		}
	}
}

package cn.medrecruit.program;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counters of plans and quotas, for the application submit: each call is one conditional UPDATE that joins the
 * caller's transaction, so the counts roll back with a refused or failed submit and stay exact under concurrency.
 * Counts only: a full plan or quota does not refuse (the wizard shows places and applied counts).
 */
@Service
@Transactional
public class Placements {

	private final PlanStore store;

	Placements(PlanStore store) {
		this.store = store;
	}

	/**
	 * Counts one application for the base's approved plan of the specialty.
	 *
	 * @throws PlacementRefused when that base has no approved plan row for the specialty in the batch
	 */
	public void take(BatchId batch, long baseId, long specialtyId) {
		if (store.takePlan(batch.value(), baseId, specialtyId) != 1) {
			throw new PlacementRefused("no approved plan of base " + baseId + " for specialty " + specialtyId
					+ " in batch " + batch.value());
		}
	}

	/** Takes back one application (cancelled, withdrawn); the count never goes below 0. */
	public void giveBack(BatchId batch, long baseId, long specialtyId) {
		store.giveBackPlan(batch.value(), baseId, specialtyId);
	}

	/**
	 * Counts one application against the city's quota for the specialty.
	 *
	 * @throws PlacementRefused when the city has no quota for the specialty in the batch
	 */
	public void takeQuota(BatchId batch, long cityId, long specialtyId) {
		if (store.takeQuota(batch.value(), cityId, specialtyId) != 1) {
			throw new PlacementRefused("no quota of city " + cityId + " for specialty " + specialtyId + " in batch "
					+ batch.value());
		}
	}

	/** Takes back one application from the city's quota; the count never goes below 0. */
	public void giveBackQuota(BatchId batch, long cityId, long specialtyId) {
		store.giveBackQuota(batch.value(), cityId, specialtyId);
	}

	/** The approved plans with places for the specialty, with their applied counts (step 5 of the wizard). */
	@Transactional(readOnly = true)
	public List<PlanLine> plansFor(BatchId batch, long specialtyId) {
		return store.approvedPlans(batch.value(), specialtyId);
	}
}

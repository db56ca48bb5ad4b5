package cn.medrecruit.program;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counters of plans and quotas, for the application submit: each call is one conditional UPDATE that joins the
 * caller's transaction, so the counts roll back with a refused or failed submit and stay exact under concurrency.
 * A plan only counts (more may apply than it has places; the wizard shows both), a city's quota is a limit: the
 * submit that would pass it is refused.
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
	 * Takes one place of the city's quota for the specialty. The row is locked from here to the commit, so concurrent
	 * submits of one city take places one after another and never more than the quota has.
	 *
	 * @throws PlacementRefused {@code NO_QUOTA} when the province granted the city none for the specialty,
	 *         {@code QUOTA_FULL} when every place is taken; with the city's name
	 */
	public void takeQuota(BatchId batch, long cityId, long specialtyId) {
		if (store.takeQuota(batch.value(), cityId, specialtyId) == 1) {
			return;
		}
		String city = store.institution(cityId).map(PlanStore.InstitutionRow::name).orElse("#" + cityId);
		PlanStore.QuotaRow quota = store.quota(batch.value(), cityId, specialtyId).orElse(null);
		String where = " of city " + cityId + " for specialty " + specialtyId + " in batch " + batch.value();
		if (quota == null || quota.places() == 0) {
			throw new PlacementRefused(PlacementRefused.Reason.NO_QUOTA, city, 0, "no quota" + where);
		}
		throw new PlacementRefused(PlacementRefused.Reason.QUOTA_FULL, city, quota.places(), "full quota" + where);
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

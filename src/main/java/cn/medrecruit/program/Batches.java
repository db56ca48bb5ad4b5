package cn.medrecruit.program;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The batches as the other modules read them. The application wizard and the review engine ask here whether a window
 * is open at the moment they act, so windows hold whatever the pages show or hide.
 */
@Service
@Transactional(readOnly = true)
public class Batches {

	private final BatchStore store;

	Batches(BatchStore store) {
		this.store = store;
	}

	/** The batches whose registration window contains {@code now}, closing soonest first. */
	public List<OpenBatch> openForRegistration(Instant now) {
		return store.batchIdsOpenAt(now)
			.stream()
			.map(store::batch)
			.flatMap(Optional::stream)
			.map(batch -> new OpenBatch(batch.id(), batch.program(), batch.year(), batch.name(), batch.registration()))
			.toList();
	}

	public Optional<BatchView> find(BatchId id) {
		return store.batch(id.value());
	}

	public boolean registrationOpen(BatchId id, Instant now) {
		return find(id).map(batch -> batch.registration().contains(now)).orElse(false);
	}

	/** Whether the review window of the stage at {@code stageIndex} (0 = first) contains {@code now}. */
	public boolean reviewOpen(BatchId id, int stageIndex, Instant now) {
		return find(id).filter(batch -> stageIndex >= 0 && stageIndex < batch.chain().size())
			.map(batch -> batch.chain().get(stageIndex).window())
			.map(window -> window.contains(now))
			.orElse(false);
	}
}

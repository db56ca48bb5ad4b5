package cn.medrecruit.reporting;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures one export: time, bytes, rows and heap. Any list's export plugs in as an {@link Export} writing to the
 * stream it is given (which counts and drops the bytes), so the roster or any other list is measured the same way.
 * <p>
 * Heap figures: used heap after a forced collection before and after the export, the highest used heap seen by a
 * thread sampling every {@value #SAMPLE_MILLIS} ms (garbage included, so it depends on the collector and -Xmx), and
 * the highest heap still live after any collection during the export (what the export really holds).
 */
public final class ExportMeasurement {

	static final int SAMPLE_MILLIS = 5;

	private static final long MB = 1024 * 1024;

	/** Writes one export to {@code out} and returns the number of rows written. */
	@FunctionalInterface
	public interface Export {
		long writeTo(OutputStream out) throws Exception;
	}

	public record Result(String label, long rows, long bytes, long millis, long heapBefore, long heapAfter,
			long peakUsed, long peakLiveAfterCollection) {

		public long peakGrowth() {
			return peakUsed - heapBefore;
		}

		public long liveGrowth() {
			return Math.max(0, peakLiveAfterCollection - heapBefore);
		}

		public long retainedGrowth() {
			return heapAfter - heapBefore;
		}

		public String describe() {
			return String.format(
					"%s: %,d rows, %,.1f MB of .xlsx in %,d ms (%,.0f rows/s); heap used before %d MB, after %d MB "
							+ "(retained %+d MB); peak used %d MB (+%d MB, garbage included); peak live after a "
							+ "collection %d MB (+%d MB)",
					label, rows, bytes / (double) MB, millis, rows * 1000.0 / Math.max(1, millis), heapBefore / MB,
					heapAfter / MB, retainedGrowth() / MB, peakUsed / MB, peakGrowth() / MB,
					peakLiveAfterCollection / MB, liveGrowth() / MB);
		}
	}

	private ExportMeasurement() {
	}

	public static Result measure(String label, Export export) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
			.toList();
		long before = usedAfterCollection(memory);
		pools.forEach(MemoryPoolMXBean::resetPeakUsage);
		AtomicLong peak = new AtomicLong(before);
		AtomicLong peakLive = new AtomicLong(before);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				long live = 0;
				for (MemoryPoolMXBean pool : pools) {
					MemoryUsage afterCollection = pool.getCollectionUsage();
					live += afterCollection == null ? 0 : afterCollection.getUsed();
				}
				peakLive.accumulateAndGet(live, Math::max);
				try {
					Thread.sleep(SAMPLE_MILLIS);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		CountingOutputStream out = new CountingOutputStream();
		long start = System.nanoTime();
		long rows;
		try {
			rows = export.writeTo(out);
		}
		finally {
			running.set(false);
			sampler.join();
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		long after = usedAfterCollection(memory);
		return new Result(label, rows, out.count(), millis, before, after, peak.get(), peakLive.get());
	}

	private static long usedAfterCollection(MemoryMXBean memory) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	/** Counts what is written and keeps none of it. */
	public static final class CountingOutputStream extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			count += length;
		}

		public long count() {
			return count;
		}
	}
}

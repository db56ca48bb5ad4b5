package cn.medrecruit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one task on many threads released at the same moment, the way a registration rush arrives. */
public final class Concurrently {

	/** One thread's work; {@code index} tells the threads apart. */
	@FunctionalInterface
	public interface Task<T> {
		T run(int index) throws Exception;
	}

	private Concurrently() {
	}

	/**
	 * @return each thread's answer, in thread order
	 * @throws java.util.concurrent.ExecutionException when a task threw
	 */
	public static <T> List<T> run(int threads, Task<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> done = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int index = i;
				done.add(pool.submit(() -> {
					start.await();
					return task.run(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : done) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}

package cn.medrecruit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.medrecruit.shared.InputRejected;

class SubmitAdmissionTest {

	@Test
	void waitingSubmitsGetTheirTurnInOrderOfArrival() throws Exception {
		SubmitAdmission admission = new SubmitAdmission(null, 1, Duration.ofSeconds(10));
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Integer> order = new CopyOnWriteArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			pool.submit(() -> admission.admit(() -> {
				held.countDown();
				await(release);
				return null;
			}));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < 5; i++) {
				int arrival = i;
				pool.submit(() -> admission.admit(() -> order.add(arrival)));
				// the next one arrives only once this one queues
				waitUntil(() -> admission.waiting() == arrival + 1);
			}
			release.countDown();
			waitUntil(() -> order.size() == 5);
			assertThat(order).containsExactly(0, 1, 2, 3, 4);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aSubmitThatGetsNoTurnInTimeIsRefusedAndTheTurnsStayCounted() throws Exception {
		SubmitAdmission admission = new SubmitAdmission(null, 1, Duration.ofMillis(100));
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> holder = pool.submit(() -> admission.admit(() -> {
				held.countDown();
				await(release);
				return null;
			}));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> admission.admit(() -> null)).isInstanceOf(InputRejected.class)
				.satisfies(busy -> assertThat(((InputRejected) busy).messageKey()).isEqualTo("application.refused.busy"));
			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
			// the turn is given back, also by work that fails
			assertThat(admission.admit(() -> true)).isTrue();
			assertThatThrownBy(() -> admission.admit(() -> {
				throw new IllegalStateException("failed");
			})).isInstanceOf(IllegalStateException.class);
			assertThat(admission.admit(() -> "again")).isEqualTo("again");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
			Thread.sleep(5);
		}
	}
}

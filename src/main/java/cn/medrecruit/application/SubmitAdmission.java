package cn.medrecruit.application;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import cn.medrecruit.shared.InputRejected;

/**
 * The submits' turns at the database, first come first served. When registration opens, many more applicants submit at
 * once than the pool has connections; the pool hands a returned connection to whichever thread grabs it first, so
 * some submits passed at once while others waited seconds. A fair semaphore with as many turns as the pool has
 * connections queues them in order of arrival instead, before any connection is taken, so the wait is the same for
 * everyone and a submit holds a connection only while it works. A submit that cannot get a turn in {@code maxWait}
 * is refused with a message to try again; nothing has changed then.
 */
@Component
class SubmitAdmission {

	private final Semaphore turns;
	private final long maxWaitNanos;

	SubmitAdmission(DataSource dataSource, @Value("${medrecruit.application.submit-turns:0}") int configuredTurns,
			@Value("${medrecruit.application.submit-max-wait:20s}") Duration maxWait) {
		this.turns = new Semaphore(configuredTurns > 0 ? configuredTurns : poolSize(dataSource), true);
		this.maxWaitNanos = maxWait.toNanos();
	}

	<T> T admit(Supplier<T> work) {
		boolean admitted;
		try {
			admitted = turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			throw new InputRejected("id", "application.refused.busy");
		}
		try {
			return work.get();
		}
		finally {
			turns.release();
		}
	}

	/** How many submits wait for their turn now. */
	int waiting() {
		return turns.getQueueLength();
	}

	private static int poolSize(DataSource dataSource) {
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
			}
		}
		catch (SQLException notHikari) {
			// fall through to the pool's default size
		}
		return 10;
	}
}

package cn.medrecruit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the statements sent through the application's pooled {@link DataSource}: every {@code execute…} call of a
 * statement (a batch counts once) and every commit. The total counts all threads (a benchmark's round); a thread that
 * {@link #record() records} also gets its own statements' SQL, so a test can assert what one operation runs.
 * Registered as a bean post-processor, it wraps the data source and answers {@code unwrap} with the pool behind it.
 */
public final class StatementCounter implements BeanPostProcessor {

	private static final AtomicLong STATEMENTS = new AtomicLong();
	private static final AtomicLong COMMITS = new AtomicLong();
	private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

	/** Statements and commits counted so far, by every thread. */
	public static long statements() {
		return STATEMENTS.get();
	}

	public static long commits() {
		return COMMITS.get();
	}

	/** Starts recording the SQL of this thread's statements (a commit is recorded as {@code COMMIT}). */
	public static void record() {
		RECORDED.set(new ArrayList<>());
	}

	/** Stops recording on this thread and answers what it ran since {@link #record()}. */
	public static List<String> recorded() {
		List<String> recorded = RECORDED.get();
		RECORDED.remove();
		return recorded == null ? List.of() : List.copyOf(recorded);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
			return proxy(DataSource.class, dataSource, (target, method, args) -> {
				Object result = invoke(target, method, args);
				return result instanceof Connection connection ? connection(connection) : result;
			});
		}
		return bean;
	}

	private static Connection connection(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			Object result = invoke(target, method, args);
			switch (method.getName()) {
				case "commit":
					note("COMMIT", COMMITS);
					return result;
				case "prepareStatement":
				case "prepareCall":
					return statement(result, (String) args[0]);
				case "createStatement":
					return statement(result, null);
				default:
					return result;
			}
		});
	}

	private static Object statement(Object statement, String sql) {
		Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
				: statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
		return proxy(type, statement, (target, method, args) -> {
			if (method.getName().startsWith("execute")) {
				note(sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String text ? text
						: method.getName(), STATEMENTS);
			}
			return invoke(target, method, args);
		});
	}

	private static void note(String sql, AtomicLong counter) {
		counter.incrementAndGet();
		List<String> recorded = RECORDED.get();
		if (recorded != null) {
			recorded.add(sql.strip().replaceAll("\\s+", " "));
		}
	}

	private interface Call {
		Object on(Object target, Method method, Object[] args) throws Throwable;
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target, Call call) {
		InvocationHandler handler = (proxy, method, args) -> {
			switch (method.getName()) {
				case "unwrap":
					return ((Class<?>) args[0]).isInstance(target) ? target : method.invoke(target, args);
				case "isWrapperFor":
					return ((Class<?>) args[0]).isInstance(target) || (Boolean) method.invoke(target, args);
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				default:
					return call.on(target, method, args);
			}
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException failed) {
			throw failed.getCause();
		}
	}
}

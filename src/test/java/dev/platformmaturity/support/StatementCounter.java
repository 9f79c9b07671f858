package dev.platformmaturity.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the current thread prepares or creates, for tests that prove a page runs a bounded
 * number of queries. Wraps the application's data source; counts only while {@link #count} runs.
 */
public class StatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private static final ThreadLocal<AtomicInteger> COUNT = new ThreadLocal<>();

	/** Runs {@code work} and returns how many statements it sent to the database. */
	public static int count(Runnable work) {
		AtomicInteger counter = new AtomicInteger();
		COUNT.set(counter);
		try {
			work.run();
		}
		finally {
			COUNT.remove();
		}
		return counter.get();
	}


	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource)) {
			return bean;
		}
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				delegating(dataSource, (method, result) -> method.equals("getConnection") ? connection((Connection) result) : result));
	}

	private static Connection connection(Connection connection) {
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { Connection.class },
				delegating(connection, (method, result) -> {
					AtomicInteger counter = COUNT.get();
					if (counter != null && STATEMENT_METHODS.contains(method)) {
						counter.incrementAndGet();
					}
					return result;
				}));
	}

	private interface After {

		Object apply(String method, Object result) throws Exception;

	}

	private static InvocationHandler delegating(Object target, After after) {
		return (proxy, method, arguments) -> {
			if (method.getName().equals("unwrap") && ((Class<?>) arguments[0]).isInstance(target)) {
				return target;
			}
			if (method.getName().equals("isWrapperFor") && ((Class<?>) arguments[0]).isInstance(target)) {
				return true;
			}
			try {
				return after.apply(method.getName(), method.invoke(target, arguments));
			}
			catch (InvocationTargetException failed) {
				throw failed.getCause();
			}
		};
	}

}

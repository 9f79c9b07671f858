package dev.platformmaturity.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the current thread prepares or creates, for tests that prove
 * a page runs a bounded number of queries. Wraps the application's data source; counts
 * only while {@link #count} or {@link #sent} runs.
 */
public class StatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private static final ThreadLocal<List<String>> SENT = new ThreadLocal<>();

	/** Runs {@code work} and returns how many statements it sent to the database. */
	public static int count(Runnable work) {
		return sent(work).size();
	}

	/**
	 * Runs {@code work} and returns the SQL of each statement it sent, in order ("" for a
	 * plain statement).
	 */
	public static List<String> sent(Runnable work) {
		List<String> sent = new ArrayList<>();
		SENT.set(sent);
		try {
			work.run();
		}
		finally {
			SENT.remove();
		}
		return sent;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource)) {
			return bean;
		}
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				delegating(dataSource, (method, arguments, result) -> method.equals("getConnection")
						? connection((Connection) result) : result));
	}

	private static Connection connection(Connection connection) {
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, delegating(connection, (method, arguments, result) -> {
					List<String> sent = SENT.get();
					if (sent != null && STATEMENT_METHODS.contains(method)) {
						boolean withSql = arguments != null && arguments.length > 0 && arguments[0] instanceof String;
						sent.add(withSql ? (String) arguments[0] : "");
					}
					return result;
				}));
	}

	private interface After {

		Object apply(String method, Object[] arguments, Object result) throws Exception;

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
				return after.apply(method.getName(), arguments, method.invoke(target, arguments));
			}
			catch (InvocationTargetException failed) {
				throw failed.getCause();
			}
		};
	}

}

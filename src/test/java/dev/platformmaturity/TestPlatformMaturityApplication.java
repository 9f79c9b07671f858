package dev.platformmaturity;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import dev.platformmaturity.support.EmbeddedDatabase;

/**
 * The development entry point, {@code ./mvnw spring-boot:test-run}: the application on an
 * embedded PostgreSQL 17 whose data lives in {@code app.data-dir/postgres} and survives
 * restarts, with the demo organisation (profile {@code development}, see
 * {@code application-development.properties}). It lives in the test sources, so the jar
 * built for deployment holds neither the PostgreSQL binaries nor code that starts or
 * stops database processes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPlatformMaturityApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(PlatformMaturityApplication.class, TestPlatformMaturityApplication.class)
			.profiles("development")
			.initializers(TestPlatformMaturityApplication::leaveOutTestComponents)
			.run(args);
	}

	@Bean(destroyMethod = "close")
	EmbeddedDatabase developmentDatabase(@Value("${app.data-dir}") Path dataDir) throws IOException {
		return EmbeddedDatabase.durable(dataDir);
	}

	/**
	 * The application's component scan would otherwise also find the tests' own
	 * configurations.
	 */
	private static void leaveOutTestComponents(ConfigurableApplicationContext context) {
		context.getBeanFactory().registerSingleton("testComponentExcludeFilter", new TestComponentExcludeFilter());
	}

	static class TestComponentExcludeFilter extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
		}

		@Override
		public boolean equals(Object other) {
			return other != null && getClass() == other.getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}

package dev.platformmaturity.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The application on a real port with the shared test PostgreSQL, for tests that talk
 * HTTP to it like a script or a proxy would (it shares the context of
 * {@link BrowserTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestDatabase.class, TestData.class, TestAssessments.class, StatementCounter.class, MovableClock.class })
public @interface ServerTest {

}

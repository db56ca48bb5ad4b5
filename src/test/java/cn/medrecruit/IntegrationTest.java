package cn.medrecruit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the test database (H2 in memory, or PostgreSQL with {@code -Dmedrecruit.test.db-url}),
 * with the demo province loaded and the captcha off. Every test class with this annotation shares one context, so
 * tests create their own data with unique names instead of assuming an empty database. {@link StatementCounter} counts
 * the statements sent, for tests that bound what an operation runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
@Import({ TestClockConfiguration.class, TestApplicants.class, StatementCounter.class })
public @interface IntegrationTest {
}

package dev.oslo4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter of a test or {@code @BeforeEach} method that {@link OsloBroker} fills with the
 * test's transport URL, e.g. {@code rabbit://guest:guest@127.0.0.1:41234/oslo4j-t17-k2d}: an isolated, empty
 * broker view of this test only, with the {@link OsloBrokerConfig} options in its query. Give it to code under test
 * that opens its own {@code Transport}; close that Transport in the test (the view is torn down after it anyway).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OsloUrl {
}

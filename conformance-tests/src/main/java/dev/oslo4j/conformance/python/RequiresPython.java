package dev.oslo4j.conformance.python;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class or method that starts Python peers: it is skipped (or failed, with
 * {@code OSLO4J_REQUIRE_PYTHON=1}) when {@link PythonAvailability} says Python is unusable.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPython.Check.class)
public @interface RequiresPython {

    /** Runs the availability check before the class's tests (once) or the annotated method. */
    final class Check implements BeforeAllCallback, BeforeEachCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            PythonAvailability.assumeAvailable();
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            PythonAvailability.assumeAvailable();
        }
    }
}

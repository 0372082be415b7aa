package dev.oslo4j.messaging.versionedobjects;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java record or class as an {@code oslo.versionedobjects} object. Its fields are the record's components
 * (or, for a class with a no-argument constructor, its non-static, non-transient fields), named as in Python
 * unless {@link ObjectField} renames them.
 *
 * <pre>{@code
 * @VersionedObject(name = "Flavor", version = "1.2", namespace = "nova")
 * public record Flavor(@ObjectField("flavorid") String flavorId, int vcpus, Instant createdAt) { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface VersionedObject {

    /** The object's name ({@code obj_name()}); default: the Java simple class name, as Python's class name. */
    String name() default "";

    /** The version this Java type implements, {@code "X.Y"} ({@code VERSION}). */
    String version();

    /** The project namespace ({@code OBJ_PROJECT_NAMESPACE}, e.g. {@code nova}); oslo's default. */
    String namespace() default "versionedobjects";
}

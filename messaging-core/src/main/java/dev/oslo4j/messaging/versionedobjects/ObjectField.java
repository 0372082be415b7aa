package dev.oslo4j.messaging.versionedobjects;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Settings of one field of a {@link VersionedObject}: its Python name and whether it is nullable.
 *
 * <p>A Java {@code null} means "not set" by default: the field is left out of {@code <ns>.data}, as Python leaves
 * out unset fields (writing {@code None} would make Python reject a field that is not {@code nullable=True}). A
 * field declared {@code nullable = true} sends {@code null} as {@code None} instead. On receipt a field absent from
 * the data and a {@code None} both become {@code null} (primitive Java types: their zero value).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ObjectField {

    /** The Python field name; default: the Java name. */
    String value() default "";

    /** Whether the Python field is {@code nullable=True}: a Java null is then sent as {@code None}. */
    boolean nullable() default false;
}

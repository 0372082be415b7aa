package dev.oslo4j.messaging.versionedobjects;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one {@code Set<String>} (or {@code List<String>}) component or field of a {@link VersionedObject}
 * holding its changed fields ({@code obj_what_changed()}), which travels as {@code <ns>.changes}. It is not an
 * object field itself. On receipt it gets the primitive's changes (only names of known fields, as oslo); when
 * sending, a non-null value is sent (only names of fields being sent). Without it, or when it is null, every field
 * sent is reported as changed — what a Python object built with those fields would say.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ObjectChanges {
}

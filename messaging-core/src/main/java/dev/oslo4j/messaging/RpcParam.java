package dev.oslo4j.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the RPC keyword argument bound to an endpoint method parameter. Only needed when the endpoint was not
 * compiled with {@code -parameters} or when the Java name differs from the wire name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface RpcParam {

    /** The keyword argument's name in the request's {@code args}. */
    String value();
}

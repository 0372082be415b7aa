package dev.oslo4j.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the namespace and version an RPC endpoint class serves (oslo's {@code endpoint.target}). Without
 * it (and without a public {@code Target target()} method) an endpoint serves the null namespace at version
 * {@code 1.0} only, exactly as in Python.
 *
 * <pre>{@code
 * @RpcEndpoint(namespace = "baseapi", version = "1.1")
 * public class BaseApi { public String ping(RequestContext ctxt, String arg) { return arg; } }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RpcEndpoint {

    /** The namespace; empty means none (null). */
    String namespace() default "";

    /** The version {@code "X.Y[.Z]"}; empty means {@code 1.0}. */
    String version() default "";

    /** Further accepted namespaces (oslo's {@code legacy_namespaces}). */
    String[] legacyNamespaces() default {};
}

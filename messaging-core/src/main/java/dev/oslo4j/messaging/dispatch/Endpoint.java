package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Target;

/** One registered RPC endpoint as the dispatcher sees it: its target and a way to find and run methods. */
interface Endpoint {

    /** Never null: an endpoint without a target has an empty one (null namespace, version 1.0 effective). */
    Target target();

    boolean hasMethod(String method);

    Object invoke(RequestContext context, String method, ObjectNode args) throws Exception;

    /** For messages: the endpoint's class name. */
    String describe();
}

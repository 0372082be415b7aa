package dev.oslo4j.messaging.driver;

/** Receives RPC requests from {@link Driver#listenForRpc}; called on a driver thread — return quickly. */
@FunctionalInterface
public interface RpcHandler {

    void onRequest(IncomingRequest request);
}

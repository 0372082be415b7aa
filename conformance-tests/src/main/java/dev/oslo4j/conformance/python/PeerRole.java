package dev.oslo4j.conformance.python;

/** The roles a Python oslo.messaging peer can play; each is one long-running process. */
public enum PeerRole {
    /** {@code get_rpc_server} with the reference endpoints; reports each request it receives. */
    RPC_SERVER("rpc-server"),
    /** Runs call/cast commands concurrently and replies with their results or errors. */
    RPC_CLIENT("rpc-client"),
    /** Sends notifications with the {@code messaging} or {@code messagingv2} driver. */
    NOTIFIER("notifier"),
    /** A (batch) notification listener that reports each notification it receives. */
    LISTENER("listener");

    private final String cliName;

    PeerRole(String cliName) {
        this.cliName = cliName;
    }

    /** The role name the Python entry point {@code oslo_peer.py} expects. */
    public String cliName() {
        return cliName;
    }
}

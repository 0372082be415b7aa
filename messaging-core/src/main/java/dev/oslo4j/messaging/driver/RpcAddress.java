package dev.oslo4j.messaging.driver;

/**
 * Where an RPC request goes or which requests a server consumes (the routing part of oslo's {@code Target}).
 *
 * @param exchange null for the control exchange
 * @param topic    never empty when sending or serving (checked by the API before it reaches a driver)
 * @param server   null, or the server a request is for / the server consuming
 * @param fanout   a cast to every server of the topic
 */
public record RpcAddress(String exchange, String topic, String server, boolean fanout) {

    /** As {@code Target} prints the same fields, for messages. */
    @Override
    public String toString() {
        java.util.StringJoiner j = new java.util.StringJoiner(", ", "Target(", ")");
        if (exchange != null) j.add("exchange=" + exchange);
        if (topic != null) j.add("topic=" + topic);
        if (server != null) j.add("server=" + server);
        if (fanout) j.add("fanout=true");
        return j.toString();
    }
}

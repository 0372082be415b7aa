package dev.oslo4j.broker.internal.vhost;

import org.apache.qpid.server.message.InstanceProperties;
import org.apache.qpid.server.message.MessageDestination;
import org.apache.qpid.server.message.RoutingResult;
import org.apache.qpid.server.message.ServerMessage;
import org.apache.qpid.server.store.StorableMessageMetaData;

/**
 * An exchange as seen by one {@code basic.publish}: routes through the real exchange, then notes the
 * {@link PublishOutcome} and tells the {@link PublishRecorder} (when somebody listens).
 */
final class PublishDestination extends ForwardingDestination {

    private final PublishRecorder recorder;

    PublishDestination(MessageDestination exchange, PublishRecorder recorder) {
        super(exchange);
        this.recorder = recorder;
    }

    @Override
    public <M extends ServerMessage<? extends StorableMessageMetaData>> RoutingResult<M> route(
            M message, String routingAddress, InstanceProperties instanceProperties) {
        RoutingResult<M> result = exchange.route(message, routingAddress, instanceProperties);
        PublishOutcome.routed(message, result);
        recorder.record(message, exchange.getName(), routingAddress, result.getNumberOfRoutes());
        return result;
    }
}

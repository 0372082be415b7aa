package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.AMQP;
import java.util.Map;

import dev.oslo4j.messaging.driver.IncomingRequest;
import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.ReceivedRequest;
import dev.oslo4j.messaging.wire.ReplyMessages;

import java.util.concurrent.atomic.AtomicBoolean;

/** A received request; replies go through the {@link ReplySender}. Casts ignore replies. */
final class RabbitIncomingRequest implements IncomingRequest {

    private final ReceivedRequest message;
    private final ReplySender replies;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AMQP.BasicProperties props;
    private final boolean fanout;

    RabbitIncomingRequest(ReceivedRequest message, ReplySender replies, AMQP.BasicProperties props, boolean fanout) {
        this.message = message;
        this.replies = replies;
        this.props = props;
        this.fanout = fanout;
    }

    @Override
    public Map<String, String> headers() {
        return AmqpProperties.stringHeaders(props);
    }

    @Override
    public boolean fanout() {
        return fanout;
    }

    @Override
    public ReceivedRequest message() {
        return message;
    }

    @Override
    public void reply(Object result) {
        if (!message.isCall() || answered.get()) {
            return;
        }
        // encode first: a result that cannot be serialized must leave room for a failure reply
        byte[] body = ReplyMessages.encodeResult(result, message.msgId(), Ids.hex32());
        if (answered.compareAndSet(false, true)) {
            replies.send(message.replyQueue(), message.msgId(), body, false);
        }
    }

    @Override
    public void replyFailure(Failure failure) {
        if (message.isCall() && answered.compareAndSet(false, true)) {
            replies.send(message.replyQueue(), message.msgId(),
                    ReplyMessages.encodeFailure(failure, message.msgId(), Ids.hex32()), false);
        }
    }

    @Override
    public void heartbeat() {
        if (message.isCall() && !answered.get()) {
            replies.send(message.replyQueue(), message.msgId(),
                    ReplyMessages.encodeHeartbeat(message.msgId(), Ids.hex32()), true);
        }
    }
}

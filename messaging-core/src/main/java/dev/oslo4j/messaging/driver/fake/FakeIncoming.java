package dev.oslo4j.messaging.driver.fake;

import dev.oslo4j.messaging.driver.IncomingNotification;
import dev.oslo4j.messaging.driver.IncomingRequest;
import dev.oslo4j.messaging.driver.NotificationAddress;
import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import dev.oslo4j.messaging.wire.ReceivedRequest;
import dev.oslo4j.messaging.wire.ReplyMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/** The messages a fake consumer delivers: RPC requests (answered through the bus) and notifications. */
final class FakeIncoming {

    private static final Logger LOG = LoggerFactory.getLogger(FakeIncoming.class);

    private FakeIncoming() {
    }

    /** An RPC request; replies are encoded as on the wire and handed to the caller's transport. */
    record Request(ReceivedRequest message, FakeVirtualHost vhost, AtomicBoolean answered) implements IncomingRequest {

        Request(ReceivedRequest message, FakeVirtualHost vhost) {
            this(message, vhost, new AtomicBoolean());
        }

        @Override
        public void reply(Object result) {
            if (message.isCall() && !answered.get()) {
                // encoded first: a result that cannot be serialized leaves room for the failure reply
                send(ReplyMessages.encodeResult(result, message.msgId(), Ids.hex32()));
            }
        }

        @Override
        public void replyFailure(Failure failure) {
            if (message.isCall() && !answered.get()) {
                send(ReplyMessages.encodeFailure(failure, message.msgId(), Ids.hex32()));
            }
        }

        private void send(byte[] body) {
            if (answered.compareAndSet(false, true) && !vhost.reply(message.replyQueue(), body)) {
                LOG.info("fake://{}: reply to {} dropped: its transport is closed", vhost.name(), message.msgId());
            }
        }

        /** oslo's fake driver sends no heartbeats; the caller's call-monitor timeout is not enforced either. */
        @Override
        public void heartbeat() {
        }
    }

    /** A notification; settled exactly once. */
    static final class Notification implements IncomingNotification {
        private final ReceivedNotification message;
        private final NotificationAddress address;
        private final FakeVirtualHost.Taken taken;
        private final FakeVirtualHost vhost;
        private final FakeConsumer consumer;
        private final AtomicBoolean settled = new AtomicBoolean();

        Notification(ReceivedNotification message, NotificationAddress address, FakeVirtualHost.Taken taken,
                     FakeVirtualHost vhost, FakeConsumer consumer) {
            this.message = message;
            this.address = address;
            this.taken = taken;
            this.vhost = vhost;
            this.consumer = consumer;
        }

        @Override
        public ReceivedNotification message() {
            return message;
        }

        @Override
        public NotificationAddress address() {
            return address;
        }

        @Override
        public void ack() {
            settle(false);
        }

        @Override
        public void requeue() {
            settle(true);
        }

        @Override
        public void reject() {
            settle(false);
        }

        private void settle(boolean requeue) {
            if (settled.compareAndSet(false, true)) {
                if (requeue) {
                    vhost.requeue(taken.queue(), taken.message());
                }
                consumer.settled();
            }
        }
    }
}

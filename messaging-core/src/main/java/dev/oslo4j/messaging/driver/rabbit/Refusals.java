package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;

/** Recognises the broker's refusals of a declaration (406 PRECONDITION_FAILED) and explains them. */
final class Refusals {

    /** The text RabbitMQ puts in the 406 that oslo 16.x falls back on. */
    static final String DURABLE_MISMATCH = "PRECONDITION_FAILED - inequivalent arg 'durable'";

    private Refusals() {
    }

    /** Whether {@code e} (or its cause) is the channel close "406 … inequivalent arg 'durable' …". */
    static boolean isDurableMismatch(Throwable e) {
        String text = closeText(e);
        return text != null && text.contains(DURABLE_MISMATCH);
    }

    /**
     * A sentence to add to a declaration failure: a 406 "inequivalent arg" means the queue or exchange exists with
     * other settings, made by peers configured differently.
     */
    static String hint(Throwable e) {
        String text = closeText(e);
        if (text == null || !text.contains("inequivalent arg")) {
            return "";
        }
        return " (the queue or exchange already exists with other settings: configure this transport with the"
                + " options its other users have - rabbit_quorum_queue, rabbit_transient_quorum_queue,"
                + " rabbit_stream_fanout, amqp_durable_queues, amqp_auto_delete - or use a virtual host of its own)";
    }

    private static String closeText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Channel.Close close) {
                return close.getReplyCode() + " " + close.getReplyText();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}

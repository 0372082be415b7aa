package dev.oslo4j.conformance.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * Assertions on AMQP errors as raw amqp-client reports them, for parity tests: which reply code, and
 * whether only the channel or the whole connection was closed.
 */
public final class AmqpErrors {

    private AmqpErrors() {
    }

    /** An AMQP operation that may fail. */
    @FunctionalInterface
    public interface AmqpCall {
        void run() throws Exception;
    }

    /** The broker's close, wherever amqp-client wrapped it; null if the failure was something else. */
    public static ShutdownSignalException shutdownOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s) {
                return s;
            }
        }
        return null;
    }

    public static int replyCode(ShutdownSignalException s) {
        Method reason = s.getReason();
        if (reason instanceof AMQP.Channel.Close c) {
            return c.getReplyCode();
        }
        if (reason instanceof AMQP.Connection.Close c) {
            return c.getReplyCode();
        }
        return -1;
    }

    /**
     * Runs {@code call}, which must fail with a channel close carrying {@code code}; the connection of
     * {@code channel} must stay open. Returns the reply text.
     */
    public static String assertChannelError(Channel channel, int code, AmqpCall call) {
        ShutdownSignalException s = expectShutdown(call);
        assertThat(s.isHardError()).as("a channel-level error (the connection stays open), got: %s", s.getMessage())
                .isFalse();
        assertThat(replyCode(s)).as("reply code of %s", s.getMessage()).isEqualTo(code);
        assertThat(channel.getConnection().isOpen()).as("connection still open").isTrue();
        return ((AMQP.Channel.Close) s.getReason()).getReplyText();
    }

    /** Runs {@code call}, which must fail with a connection close carrying {@code code}. */
    public static String assertConnectionError(int code, AmqpCall call) {
        ShutdownSignalException s = expectShutdown(call);
        assertThat(s.isHardError()).as("a connection-level error, got: %s", s.getMessage()).isTrue();
        assertThat(replyCode(s)).as("reply code of %s", s.getMessage()).isEqualTo(code);
        return ((AMQP.Connection.Close) s.getReason()).getReplyText();
    }

    private static ShutdownSignalException expectShutdown(AmqpCall call) {
        try {
            call.run();
        } catch (Exception e) {
            ShutdownSignalException s = shutdownOf(e);
            if (s == null) {
                throw new AssertionError("expected the broker to close the channel or connection, but got " + e, e);
            }
            return s;
        }
        return fail("expected the broker to refuse the operation, but it succeeded");
    }
}

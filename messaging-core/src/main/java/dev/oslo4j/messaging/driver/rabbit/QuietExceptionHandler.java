package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the AMQP client reports trouble inside its own threads: never by closing a channel or connection (our
 * supervisors and consumers decide what happens), and a lost connection only at debug level, since the
 * {@link ConnectionSupervisor} already logs it once with the host and what it does about it.
 */
final class QuietExceptionHandler extends ForgivingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(QuietExceptionHandler.class);

    @Override
    public void handleUnexpectedConnectionDriverException(Connection conn, Throwable exception) {
        LOG.debug("AMQP connection I/O ended: {}", exception.toString());
    }

    @Override
    protected void log(String message, Throwable e) {
        LOG.warn("{}: {}", message, e.toString(), e);
    }
}

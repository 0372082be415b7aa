package dev.oslo4j.broker.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.qpid.server.bytebuffer.QpidByteBuffer;
import org.apache.qpid.server.protocol.v0_8.FieldTable;
import org.apache.qpid.server.protocol.v0_8.FieldTableFactory;
import org.apache.qpid.server.security.auth.AuthenticationResult;
import org.apache.qpid.server.security.auth.manager.UsernamePasswordAuthenticationProvider;
import org.apache.qpid.server.security.auth.sasl.SaslNegotiator;

/**
 * RabbitMQ's AMQPLAIN mechanism, the default of py-amqp/kombu and so of Python oslo.messaging: the
 * response is the body of an AMQP field table (no length prefix) holding {@code LOGIN} and
 * {@code PASSWORD}. One round, no challenge.
 */
final class AmqPlainNegotiator implements SaslNegotiator {

    static final String MECHANISM = "AMQPLAIN";

    private final UsernamePasswordAuthenticationProvider<?> provider;
    private volatile String username;
    private volatile boolean done;

    AmqPlainNegotiator(UsernamePasswordAuthenticationProvider<?> provider) {
        this.provider = provider;
    }

    @Override
    public AuthenticationResult handleResponse(byte[] response) {
        if (done) {
            return failure("AMQPLAIN allows a single response");
        }
        done = true;
        if (response == null || response.length == 0) {
            return failure("AMQPLAIN response is empty");
        }
        Map<String, Object> table;
        try (QpidByteBuffer buffer = QpidByteBuffer.wrap(response)) {
            FieldTable fieldTable = FieldTableFactory.createFieldTable(buffer, response.length);
            table = FieldTable.convertToMap(fieldTable);
        } catch (RuntimeException e) {
            return failure("AMQPLAIN response is not a field table: " + e.getMessage());
        }
        String login = text(table.get("LOGIN"));
        String password = text(table.get("PASSWORD"));
        if (login == null || password == null) {
            return failure("AMQPLAIN response lacks LOGIN or PASSWORD");
        }
        username = login;
        return provider.authenticate(login, password);
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static AuthenticationResult failure(String reason) {
        return new AuthenticationResult(AuthenticationResult.AuthenticationStatus.ERROR,
                new IllegalArgumentException(reason));
    }

    @Override
    public void dispose() {
        // nothing held
    }

    @Override
    public String getAttemptedAuthenticationId() {
        return username;
    }
}

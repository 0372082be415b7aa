package dev.oslo4j.broker.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.apache.qpid.server.security.auth.AuthenticationResult;
import org.apache.qpid.server.security.auth.AuthenticationResult.AuthenticationStatus;
import org.apache.qpid.server.security.auth.UsernamePrincipal;
import org.apache.qpid.server.security.auth.manager.UsernamePasswordAuthenticationProvider;

/** AMQPLAIN as py-amqp sends it: an AMQP field table body (no length prefix) with LOGIN and PASSWORD. */
class AmqPlainNegotiatorTest {

    private final UsernamePasswordAuthenticationProvider<?> provider = provider("guest", "secret");

    @Test
    void theRightCredentialsLogIn() {
        AmqPlainNegotiator negotiator = new AmqPlainNegotiator(provider);
        AuthenticationResult result = negotiator.handleResponse(table("LOGIN", "guest", "PASSWORD", "secret"));
        assertThat(result.getStatus()).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(negotiator.getAttemptedAuthenticationId()).isEqualTo("guest");
    }

    @Test
    void aWrongPasswordFails() {
        AuthenticationResult result = new AmqPlainNegotiator(provider)
                .handleResponse(table("LOGIN", "guest", "PASSWORD", "wrong"));
        assertThat(result.getStatus()).isEqualTo(AuthenticationStatus.ERROR);
    }

    @Test
    void malformedOrIncompleteResponsesFailWithoutThrowing() {
        assertThat(new AmqPlainNegotiator(provider).handleResponse(new byte[0]).getStatus())
                .isEqualTo(AuthenticationStatus.ERROR);
        assertThat(new AmqPlainNegotiator(provider).handleResponse(new byte[] {5, 'L', 'O'}).getStatus())
                .isEqualTo(AuthenticationStatus.ERROR);
        assertThat(new AmqPlainNegotiator(provider).handleResponse(table("LOGIN", "guest")).getStatus())
                .isEqualTo(AuthenticationStatus.ERROR);
    }

    @Test
    void onlyOneResponseIsAccepted() {
        AmqPlainNegotiator negotiator = new AmqPlainNegotiator(provider);
        negotiator.handleResponse(table("LOGIN", "guest", "PASSWORD", "secret"));
        assertThat(negotiator.handleResponse(table("LOGIN", "guest", "PASSWORD", "secret")).getStatus())
                .isEqualTo(AuthenticationStatus.ERROR);
    }

    /** Field-table entries with long-string ('S') values, as py-amqp encodes LOGIN/PASSWORD. */
    private static byte[] table(String... keysAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            byte[] key = keysAndValues[i].getBytes(StandardCharsets.UTF_8);
            byte[] value = keysAndValues[i + 1].getBytes(StandardCharsets.UTF_8);
            out.write(key.length);
            out.writeBytes(key);
            out.write('S');
            out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static UsernamePasswordAuthenticationProvider<?> provider(String user, String password) {
        return (UsernamePasswordAuthenticationProvider<?>) Proxy.newProxyInstance(
                AmqPlainNegotiatorTest.class.getClassLoader(),
                new Class<?>[] {UsernamePasswordAuthenticationProvider.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("authenticate")) {
                        return user.equals(args[0]) && password.equals(args[1])
                                ? new AuthenticationResult(new UsernamePrincipal(user, null))
                                : new AuthenticationResult(AuthenticationStatus.ERROR);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

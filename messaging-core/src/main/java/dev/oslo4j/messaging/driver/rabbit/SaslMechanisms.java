package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.DefaultSaslConfig;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.SaslConfig;
import com.rabbitmq.client.SaslMechanism;
import com.rabbitmq.client.impl.LongStringHelper;
import dev.oslo4j.messaging.InvalidConfiguration;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code rabbit_login_method}: AMQPLAIN (oslo's default; the RabbitMQ Java client lacks it, so it is provided
 * here), PLAIN, EXTERNAL. When AMQPLAIN is only the default and the broker does not offer it, PLAIN is used.
 */
final class SaslMechanisms implements SaslConfig {

    private final String method;
    private final boolean explicit;

    SaslMechanisms(String method, boolean explicit) {
        this.method = method;
        this.explicit = explicit;
    }

    @Override
    public SaslMechanism getSaslMechanism(String[] offered) {
        boolean offers = Arrays.asList(offered).contains(method);
        if (!offers) {
            if (!explicit && Arrays.asList(offered).contains("PLAIN")) {
                return DefaultSaslConfig.PLAIN.getSaslMechanism(offered);
            }
            throw new InvalidConfiguration("option 'rabbit_login_method' is " + method
                    + " but the broker offers only " + Arrays.toString(offered));
        }
        return switch (method) {
            case "AMQPLAIN" -> new Amqplain();
            case "PLAIN" -> DefaultSaslConfig.PLAIN.getSaslMechanism(offered);
            case "EXTERNAL" -> DefaultSaslConfig.EXTERNAL.getSaslMechanism(offered);
            default -> throw new InvalidConfiguration("option 'rabbit_login_method' value '" + method
                    + "' is not supported by oslo4j");
        };
    }

    /** AMQPLAIN: the response is an AMQP field table {LOGIN: S, PASSWORD: S} without its length prefix. */
    static final class Amqplain implements SaslMechanism {
        @Override
        public String getName() {
            return "AMQPLAIN";
        }

        @Override
        public LongString handleChallenge(LongString challenge, String username, String password) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            entry(out, "LOGIN", username);
            entry(out, "PASSWORD", password);
            return LongStringHelper.asLongString(out.toByteArray());
        }

        private static void entry(ByteArrayOutputStream out, String key, String value) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            out.write(k.length);
            out.write(k, 0, k.length);
            out.write('S');
            out.write(v.length >>> 24);
            out.write(v.length >>> 16);
            out.write(v.length >>> 8);
            out.write(v.length);
            out.write(v, 0, v.length);
        }
    }
}

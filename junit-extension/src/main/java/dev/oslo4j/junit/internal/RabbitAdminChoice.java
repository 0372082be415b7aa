package dev.oslo4j.junit.internal;

import com.rabbitmq.client.ConnectionFactory;
import dev.oslo4j.messaging.TransportHost;

import java.util.Locale;

/**
 * Picks how the RabbitMQ mode administers the broker: the management API when it answers (at
 * {@value ManagementApi#URL_ENV} / {@code -D}{@value ManagementApi#URL_PROPERTY}, else
 * {@code http://<first host of the transport URL>:15672/} with the transport URL's credentials), else
 * {@code rabbitmqctl} when it is on the PATH (or {@value RabbitmqCtl#COMMAND_ENV} names it). {@value #MODE_ENV}
 * ({@code management} or {@code rabbitmqctl}) forces one. When neither is available the test fails with one
 * message saying what is missing and how to provide it.
 */
final class RabbitAdminChoice {

    static final String MODE_ENV = "OSLO4J_TEST_RABBITMQ_ADMIN";

    private RabbitAdminChoice() {
    }

    static RabbitAdmin choose(TransportHost host, ConnectionFactory amqp) {
        String mode = System.getenv(MODE_ENV) == null ? "auto" : System.getenv(MODE_ENV).trim().toLowerCase(Locale.ROOT);
        String configured = ManagementApi.configuredUrl();
        String url = configured != null ? configured : "http://" + bracketed(host.hostname()) + ":"
                + ManagementApi.DEFAULT_PORT + "/";
        String origin = configured != null ? "from " + ManagementApi.URL_ENV + "/-D" + ManagementApi.URL_PROPERTY
                : "derived from " + Settings.URL_ENV + "; set " + ManagementApi.URL_ENV
                + "=http://user:password@host:15672/ to name another";
        RabbitmqCtl ctl = RabbitmqCtl.fromEnvironment();
        switch (mode) {
            case "rabbitmqctl":
                return ctl;
            case "management":
            case "auto":
                break;
            default:
                throw new IllegalStateException(MODE_ENV + " must be 'management' or 'rabbitmqctl', not '" + mode + "'");
        }
        ManagementApi api = ManagementApi.at(url, host.effectiveUsername(), host.effectivePassword(), amqp);
        try {
            api.probe();
            return api;
        } catch (IllegalStateException e) {
            if (mode.equals("management") || configured != null || !ctl.available()) {
                throw new IllegalStateException("the RabbitMQ mode of the JUnit extension needs the management API"
                        + " or rabbitmqctl, to give each test a virtual host of its own, record it (firehose) and drop"
                        + " its connections — without them no test can run on " + host.hostname() + ". "
                        + "The " + api.describe() + " (" + origin + ") failed: " + e.getMessage() + ". "
                        + (mode.equals("management") ? MODE_ENV + "=management rules out rabbitmqctl."
                        : ctl.available() ? "" : "'" + ctl.describe() + "' is not on the PATH (set "
                        + RabbitmqCtl.COMMAND_ENV + ", e.g. to 'docker exec <container> rabbitmqctl'). ")
                        + "Enable the management plugin (rabbitmq-plugins enable rabbitmq_management) with an"
                        + " administrator user, or make rabbitmqctl available.", e);
            }
            return ctl;
        }
    }

    private static String bracketed(String hostname) {
        return hostname.contains(":") ? "[" + hostname + "]" : hostname;
    }
}

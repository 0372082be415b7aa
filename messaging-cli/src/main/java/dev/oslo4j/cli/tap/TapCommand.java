package dev.oslo4j.cli.tap;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.oslo4j.cli.CliFailure;
import dev.oslo4j.cli.ExitCodes;
import dev.oslo4j.cli.JsonOutput;
import dev.oslo4j.cli.StopSignal;
import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.cli.options.HelpOption;
import dev.oslo4j.cli.options.CountTimeoutOptions;
import dev.oslo4j.cli.options.UrlOption;
import dev.oslo4j.messaging.TransportURL;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j tap}: a decoded live view of the oslo traffic on a bus, through queues of its own (exclusive,
 * auto-delete) so that services receive exactly what they did before. On RabbitMQ it reads the firehose
 * ({@link Firehose}), which also shows fanout casts and replies; without it (no management API, the embedded
 * broker) it binds to the topic exchange and shows calls, casts and notifications only.
 */
@Command(name = "tap", description = "Show the oslo traffic crossing a bus, decoded, one line per message.",
        footer = {"", "Kinds: call (paired with its reply and round-trip time by _msg_id), reply, cast, fanout, "
                + "notification, malformed.",
                "On RabbitMQ the tap turns on the virtual host's firehose (tracing) through the management API "
                        + "and off again when it ends (if it turned it on);",
                "without the management API (or with --no-firehose, or on the embedded broker) it binds to "
                        + "the topic exchange only: no replies, no fanout casts.",
                "Exit codes: 0 --count reached, or --timeout passed without --count, or stopped by SIGINT/SIGTERM;",
                "2 --timeout passed before --count lines; 3 bad usage or configuration.",
                "Example: oslo4j tap --url rabbit://guest:guest@127.0.0.1:5672/ --topic 'compute.#'"})
public final class TapCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    UrlOption url;

    @Option(names = "--exchange", paramLabel = "E",
            description = "Control exchange of the calls, casts and notifications shown (default: "
                    + "[DEFAULT] control_exchange of the --config-file files, else openstack).")
    String exchange;

    @Option(names = "--topic", paramLabel = "PATTERN",
            description = "AMQP topic pattern of the routing keys shown: * one word, # any (default: #).")
    String topic = "#";

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--management-url", paramLabel = "URL",
            description = "RabbitMQ management API (default: http://<broker host>:15672/, the URL's credentials).")
    String managementUrl;

    @Option(names = "--no-firehose", description = "Do not use the firehose: bind to the topic exchange only.")
    boolean noFirehose;

    @Mixin
    CountTimeoutOptions limits;

    @Spec
    CommandSpec spec;

    private final StopSignal stop;

    public TapCommand() {
        this(null);
    }

    /** Also stopped by {@code stop} (tests running it in-process). */
    public TapCommand(StopSignal stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() throws Exception {
        limits.check();
        Integer count = limits.count();
        if (exchange == null) {
            exchange = url.config().options().controlExchange();
        }
        TapDecoder decoder;
        try {
            decoder = new TapDecoder(exchange, topic);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        TransportURL transportUrl = TransportURL.parse(url.url());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StopSignal done = stop != null ? stop : StopSignal.onInterruptOrTerminate();
        AtomicInteger printed = new AtomicInteger();
        Firehose firehose = null;
        try (Connection connection = connect(transportUrl)) {
            firehose = noFirehose ? null : firehose(transportUrl, connection, err);
            Firehose traced = firehose;
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            if (firehose != null) {
                channel.queueBind(queue, Firehose.EXCHANGE, "publish.#");
            } else {
                bindToTopicExchange(connection, channel, queue);
            }
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    long now = System.nanoTime();
                    Published p = traced != null ? Published.fromTrace(envelope, props)
                            : new Published(exchange, envelope.getRoutingKey(), header(props.getHeaders()));
                    Map<String, Object> event = decoder.decode(p.exchange(), p.routingKey(), p.compression(),
                            body, now);
                    if (event == null || done.isStopped()) {
                        return;
                    }
                    synchronized (out) {
                        if (json) {
                            JsonOutput.print(out, event);
                        } else {
                            out.println(TapLine.text(event));
                            out.flush();
                        }
                    }
                    if (count != null && printed.incrementAndGet() >= count) {
                        done.stop();
                    }
                }
            });
            err.println("oslo4j tap: tapping virtual host '" + transportUrl.effectiveVirtualHost() + "' "
                    + (firehose != null ? "through the firehose (calls, replies, casts, fanout casts, notifications)"
                            : "through exchange '" + exchange + "' (calls, casts, notifications; no replies, "
                                    + "no fanout casts)")
                    + ", topics '" + topic + "'");
            err.flush();
            boolean fellShort = limits.awaitFellShort(done, printed::get);
            done.stop();
            if (fellShort) {
                err.println("oslo4j tap: timed out after " + limits.timeoutSeconds() + " s with " + printed.get() + " of "
                        + count + " lines");
                err.flush();
                return ExitCodes.TIMEOUT;
            }
            return ExitCodes.OK;
        } finally {
            if (firehose != null) {
                try {
                    firehose.close();
                } catch (IOException e) {
                    err.println("oslo4j tap: could not turn the firehose off again: " + e.getMessage());
                    err.flush();
                }
            }
        }
    }

    /** The firehose, turned on; or null (with a line saying why) when the management API cannot do it. */
    private Firehose firehose(TransportURL transportUrl, Connection connection, PrintWriter err)
            throws InterruptedException {
        try (Channel probe = connection.createChannel()) {
            probe.exchangeDeclarePassive(Firehose.EXCHANGE);
        } catch (IOException | TimeoutException e) {
            err.println("oslo4j tap: the broker has no " + Firehose.EXCHANGE + " exchange (not RabbitMQ): replies "
                    + "and fanout casts will not show");
            err.flush();
            return null;
        }
        Object cluster = connection.getServerProperties().get("cluster_name");
        Firehose firehose;
        try {
            firehose = Firehose.of(managementUrl, transportUrl.effectiveHosts().get(0),
                    transportUrl.effectiveVirtualHost());
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        try {
            firehose.enable(cluster == null ? null : cluster.toString());
            return firehose;
        } catch (IOException e) {
            err.println("oslo4j tap: no firehose (" + e.getMessage() + "): replies and fanout casts will not show");
            err.flush();
            return null;
        }
    }

    private Connection connect(TransportURL transportUrl) {
        try {
            return RawBroker.forUrl(transportUrl).connectNamed("oslo4j-tap");
        } catch (IOException | TimeoutException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot connect to " + transportUrl.effectiveHosts().get(0)
                    .address() + ": " + e.getMessage(), e);
        }
    }

    private void bindToTopicExchange(Connection connection, Channel channel, String queue) throws IOException {
        // Passive on a channel of its own: a missing exchange closes the channel it is asked on.
        try (Channel probe = connection.createChannel()) {
            probe.exchangeDeclarePassive(exchange);
        } catch (IOException | TimeoutException e) {
            throw new CliFailure(ExitCodes.FAILED, "exchange '" + exchange + "' does not exist on the broker yet "
                    + "(no oslo service or client has used it)", e);
        }
        channel.queueBind(queue, exchange, topic);
    }

    private static Object header(Map<String, Object> headers) {
        return headers == null ? null : headers.get("compression");
    }

    /** Where a message was published, and its compression header. */
    private record Published(String exchange, String routingKey, Object compression) {
        /** From a firehose copy: headers {@code exchange_name}, {@code routing_keys}, {@code properties}. */
        @SuppressWarnings("unchecked")
        static Published fromTrace(Envelope envelope, AMQP.BasicProperties props) {
            Map<String, Object> h = props.getHeaders() == null ? Map.of() : props.getHeaders();
            Object keys = h.get("routing_keys");
            String key = keys instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : "";
            Object properties = h.get("properties");
            Object original = properties instanceof Map<?, ?> m ? m.get("headers") : null;
            return new Published(String.valueOf(h.getOrDefault("exchange_name", "")), key,
                    original instanceof Map<?, ?> o ? header((Map<String, Object>) o) : null);
        }
    }
}

package dev.oslo4j.broker.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** What both cold-start probes measure, the same way, and how they report it. */
final class ProbeMeasurements {

    static final String PREFIX = "oslo4j-bench ";

    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final long mainEntered = System.currentTimeMillis();
    private final Map<String, Object> values = new LinkedHashMap<>();

    /**
     * The broker has started: opens the first connection (amqp-client), declares a server-named queue,
     * publishes and gets one message, and records the timings.
     */
    void brokerStarted(String host, int port, String user, String password) throws Exception {
        long started = System.currentTimeMillis();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(user);
        factory.setPassword(password);
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare().getQueue();
            channel.basicPublish("", queue, null, new byte[300]);
            while (channel.basicGet(queue, true) == null) {
                Thread.onSpinWait();
            }
            long ready = System.currentTimeMillis();
            values.put("jvmToConnectionMs", ready - jvmStart);
            values.put("cpuToConnectionMs", processCpuMillis());
            values.put("jvmToMainMs", mainEntered - jvmStart);
            values.put("brokerStartMs", started - mainEntered);
            values.put("firstConnectionMs", ready - started);
        }
        values.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        values.put("rssKb", procStatus("VmRSS"));
        values.put("peakRssKb", procStatus("VmHWM"));
    }

    void put(String key, Object value) {
        values.put(key, value);
    }

    /** Prints {@code oslo4j-bench {…}} for the parent. */
    void report() {
        StringBuilder json = new StringBuilder("{");
        values.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String s ? "\"" + s + "\"" : v));
        System.out.println(PREFIX + json.append('}'));
    }

    /**
     * CPU time the JVM used so far (all threads, JIT and GC included): unlike wall time, hardly affected by
     * other processes competing for the CPUs, so it compares runs made under different machine load.
     */
    private static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    private static long procStatus(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}

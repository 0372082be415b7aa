package dev.oslo4j.broker.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.VirtualHostLease;

/**
 * The embedded broker's speed and footprint, printed as figures against the targets (issue 2): cold JVM start
 * to first AMQP connection, idle threads and RSS (each in fresh child JVMs, next to stock Broker-J measured
 * the same way under the same load), and, in this JVM, per-test isolation (lease + reset), restart, and
 * virtual-host create/delete.
 *
 * <p>Run it with {@code ./oslo4j bench broker}, or directly:
 * {@code java -cp <embedded-broker and its dependencies, amqp-client included> dev.oslo4j.broker.tools.BrokerBenchmark}
 * (system properties {@code oslo4j.bench.coldRuns}, {@code .isolationSamples}, {@code .restarts},
 * {@code .vhostSamples}; argument {@code --no-stock} skips the stock baseline, {@code --json} prints JSON).
 * Needs a JDK with {@code /proc} (Linux) for RSS.
 */
public final class BrokerBenchmark {

    /** Targets from issue 2. */
    static final double TARGET_COLD_START_MS = 800;
    static final int TARGET_THREADS = 40;
    static final double TARGET_RSS_MB = 160;
    static final double TARGET_ISOLATION_MS = 5;

    /**
     * @param coldRuns         child JVMs per broker kind
     * @param isolationSamples lease + reset cycles measured (after 20 warm-up cycles)
     * @param restarts         restarts measured
     * @param vhostSamples     virtual-host create/delete cycles measured
     * @param stockBaseline    also measure stock Broker-J in child JVMs
     * @param json             print one JSON object instead of the table
     */
    public record Options(int coldRuns, int isolationSamples, int restarts, int vhostSamples, boolean stockBaseline,
                          boolean json) {

        public static Options defaults() {
            return new Options(5, 200, 10, 50, true, false);
        }
    }

    private BrokerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options d = Options.defaults();
        List<String> flags = List.of(args);
        Options options = new Options(
                Integer.getInteger("oslo4j.bench.coldRuns", d.coldRuns()),
                Integer.getInteger("oslo4j.bench.isolationSamples", d.isolationSamples()),
                Integer.getInteger("oslo4j.bench.restarts", d.restarts()),
                Integer.getInteger("oslo4j.bench.vhostSamples", d.vhostSamples()),
                !flags.contains("--no-stock"), flags.contains("--json"));
        run(options, System.out);
    }

    /** Runs every measurement and prints the report to {@code out}; returns the figures. */
    public static Map<String, Object> run(Options options, PrintStream out) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Map<String, Double>> oslo4j = coldRuns(ColdStartProbe.class, options.coldRuns(), out, options.json());
        List<Map<String, Double>> stock = options.stockBaseline()
                ? coldRuns(StockColdStartProbe.class, Math.max(1, options.coldRuns() / 2), out, options.json())
                : List.of();
        Samples isolation = new Samples();
        Samples restart = new Samples();
        Samples vhostRestart = new Samples();
        Samples create = new Samples();
        Samples delete = new Samples();
        inProcess(options, isolation, restart, vhostRestart, create, delete);

        figures.put("coldStartMsP50", p50(oslo4j, "jvmToConnectionMs"));
        figures.put("coldStartMsMin", min(oslo4j, "jvmToConnectionMs"));
        figures.put("cpuToConnectionMsP50", p50(oslo4j, "cpuToConnectionMs"));
        figures.put("brokerStartMsP50", p50(oslo4j, "brokerStartMs"));
        figures.put("firstConnectionMsP50", p50(oslo4j, "firstConnectionMs"));
        figures.put("idleThreads", p50(oslo4j, "threads"));
        figures.put("rssMb", p50(oslo4j, "rssKb") / 1024);
        figures.put("peakRssMb", p50(oslo4j, "peakRssKb") / 1024);
        figures.put("bouncyCastleLoaded", oslo4j.stream().anyMatch(r -> r.getOrDefault("bouncyCastleLoaded", 0.0) > 0));
        if (!stock.isEmpty()) {
            figures.put("stockColdStartMsP50", p50(stock, "jvmToConnectionMs"));
            figures.put("stockColdStartMsMin", min(stock, "jvmToConnectionMs"));
            figures.put("stockCpuToConnectionMsP50", p50(stock, "cpuToConnectionMs"));
            figures.put("stockIdleThreads", p50(stock, "threads"));
            figures.put("stockRssMb", p50(stock, "rssKb") / 1024);
            figures.put("stockPeakRssMb", p50(stock, "peakRssKb") / 1024);
        }
        figures.put("isolationMsP50", isolation.percentile(50));
        figures.put("isolationMsP90", isolation.percentile(90));
        figures.put("restartMsP50", restart.percentile(50));
        figures.put("restartMsP90", restart.percentile(90));
        figures.put("vhostRestartMsP50", vhostRestart.percentile(50));
        figures.put("vhostRestartMsP90", vhostRestart.percentile(90));
        figures.put("vhostCreateMsP50", create.percentile(50));
        figures.put("vhostDeleteMsP50", delete.percentile(50));
        if (options.json()) {
            out.println(json(figures));
        } else {
            BenchmarkReport.print(out, figures, oslo4j.size(), stock.size(), isolation.size(), restart.size(),
                    create.size());
        }
        return figures;
    }

    private static double p50(List<Map<String, Double>> runs, String key) {
        Samples samples = samples(runs, key);
        return samples.isEmpty() ? -1 : samples.percentile(50);
    }

    /** The least disturbed run: on a busy machine the closest to what an idle one would show. */
    private static double min(List<Map<String, Double>> runs, String key) {
        Samples samples = samples(runs, key);
        return samples.isEmpty() ? -1 : samples.min();
    }

    private static Samples samples(List<Map<String, Double>> runs, String key) {
        Samples samples = new Samples();
        runs.forEach(r -> {
            if (r.containsKey(key)) {
                samples.add(r.get(key));
            }
        });
        return samples;
    }

    // --- child JVMs ---------------------------------------------------------------------------------

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"?([\\w.]+)\"?");

    private static List<Map<String, Double>> coldRuns(Class<?> probe, int runs, PrintStream out, boolean quiet)
            throws IOException, InterruptedException {
        List<Map<String, Double>> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (!quiet) {
                out.printf("  cold run %d/%d: %s%n", i + 1, runs, probe.getSimpleName());
            }
            results.add(child(probe));
        }
        return results;
    }

    private static Map<String, Double> child(Class<?> probe) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/java.lang=ALL-UNNAMED");
        // No logging back end (as in the prototype's baseline): its initialisation (logback parsing its XML
        // configuration costs ~0.5 s of CPU) is the application's, not the broker's; and an unconfigured
        // logback would log every Broker-J DEBUG line.
        command.add("-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider");
        command.add("-Dlogback.configurationFile=dev/oslo4j/broker/tools/bench-logback.xml");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(probe.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> result = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith(ProbeMeasurements.PREFIX)) {
                    Matcher m = FIELD.matcher(line);
                    while (m.find()) {
                        String value = m.group(2);
                        result.put(m.group(1), value.equals("yes") ? 1.0 : value.equals("no") || value.equals("unknown")
                                ? 0.0 : Double.parseDouble(value));
                    }
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (result.isEmpty()) {
            throw new IllegalStateException(probe.getSimpleName() + " reported nothing:\n" + output);
        }
        return result;
    }

    // --- in this JVM ----------------------------------------------------------------------------------

    private static void inProcess(Options options, Samples isolation, Samples restart, Samples vhostRestart,
                                  Samples create, Samples delete) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            for (int i = 0; i < 20 + options.isolationSamples(); i++) {
                long t0 = System.nanoTime();
                VirtualHostLease lease = broker.leaseVirtualHost();
                long leased = System.nanoTime();
                useLikeATest(broker, lease.name());
                long t1 = System.nanoTime();
                lease.close();
                long released = System.nanoTime();
                if (i >= 20) {
                    isolation.add(((leased - t0) + (released - t1)) / 1e6);
                }
            }
            for (int i = 0; i < 2 + options.vhostSamples(); i++) {
                String name = "bench-" + i;
                long t0 = System.nanoTime();
                broker.createVirtualHost(name);
                long t1 = System.nanoTime();
                broker.deleteVirtualHost(name);
                long t2 = System.nanoTime();
                if (i >= 2) {
                    create.add((t1 - t0) / 1e6);
                    delete.add((t2 - t1) / 1e6);
                }
            }
            try (VirtualHostLease lease = broker.leaseVirtualHost()) {
                useLikeATest(broker, lease.name());
                for (int i = 0; i < 1 + options.restarts(); i++) {
                    long t0 = System.nanoTime();
                    broker.restartVirtualHost(lease.name());
                    if (i >= 1) {
                        vhostRestart.add((System.nanoTime() - t0) / 1e6);
                    }
                }
            }
            useLikeATest(broker, "/");
            for (int i = 0; i < 1 + options.restarts(); i++) {
                long t0 = System.nanoTime();
                broker.restart();
                if (i >= 1) {
                    restart.add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
    }

    /** What a typical test does to its virtual host: a connection, an exchange, queues, bindings, messages. */
    private static void useLikeATest(EmbeddedBroker broker, String vhost) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.user());
        factory.setPassword(broker.password());
        factory.setVirtualHost(vhost);
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("openstack", "topic", false);
            for (String queue : List.of("compute", "compute.host1", "scheduler")) {
                channel.queueDeclare(queue, true, false, false, null);
                channel.queueBind(queue, "openstack", queue);
                channel.basicPublish("openstack", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, new byte[300]);
            }
        }
    }

    static String json(Map<String, Object> figures) {
        StringBuilder json = new StringBuilder("{");
        figures.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                .append(v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : v));
        return json.append('}').toString();
    }

    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "Java %s, %d CPUs, load average %.1f", System.getProperty("java.version"),
                os.getAvailableProcessors(), os.getSystemLoadAverage());
    }
}

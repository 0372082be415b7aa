package dev.oslo4j.broker.tools;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.port.AmqpPort;


/**
 * The baseline for {@link BrokerBenchmark}: stock Broker-J 10.1.0 as the project's prototype embedded it
 * (Memory stores, PLAIN, default thread pools and settings), measured in the same way as
 * {@link ColdStartProbe} so both run under the same machine load. oslo4j's plugins are hidden from it.
 */
public final class StockColdStartProbe {

    private StockColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        ProbeMeasurements measurements = new ProbeMeasurements();
        Thread.currentThread().setContextClassLoader(new WithoutOslo4jPlugins(StockColdStartProbe.class.getClassLoader()));
        Path workDir = Files.createTempDirectory("oslo4j-bench-stock");
        AtomicReference<Broker<?>> broker = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                broker.set((Broker<?>) systemConfig.getContainer());
            }
        });
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION,
                StockColdStartProbe.class.getResource("stock-broker-config.json").toExternalForm());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        attributes.put("preferenceStoreAttributes", Map.of("type", "Noop", "attributes", Map.of()));
        attributes.put(SystemConfig.CONTEXT, Map.of("qpid.work_dir", workDir.toString()));
        try {
            launcher.startup(attributes);
            int port = ((AmqpPort<?>) broker.get().getChildByName(Port.class, "AMQP")).getBoundPort();
            measurements.brokerStarted("127.0.0.1", port, "guest", "guest");
        } finally {
            launcher.shutdown();
            try (var files = Files.walk(workDir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        measurements.report();
        // Stock Broker-J may leave a non-daemon thread behind; the probe's job is done.
        System.exit(0);
    }

    /** Hides oslo4j's entries from Broker-J's plugin discovery, so the stock plugins run alone. */
    private static final class WithoutOslo4jPlugins extends ClassLoader {
        WithoutOslo4jPlugins(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            Enumeration<URL> found = super.getResources(name);
            if (!name.startsWith("META-INF/services/org.apache.qpid")) {
                return found;
            }
            List<URL> filtered = new ArrayList<>();
            for (URL url : Collections.list(found)) {
                String text;
                try (InputStream in = url.openStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                byte[] kept = text.lines().filter(l -> !l.trim().startsWith("dev.oslo4j"))
                        .collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
                filtered.add(new URL("stock", null, -1, url.getPath(), new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL u) {
                        return new URLConnection(u) {
                            @Override
                            public void connect() {
                            }

                            @Override
                            public InputStream getInputStream() {
                                return new ByteArrayInputStream(kept);
                            }
                        };
                    }
                }));
            }
            return Collections.enumeration(filtered);
        }
    }
}

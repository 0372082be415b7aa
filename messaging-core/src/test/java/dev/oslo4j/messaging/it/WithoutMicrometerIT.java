package dev.oslo4j.messaging.it;

import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * micrometer-observation is an optional dependency: with it absent from the class path, transports (also built
 * with {@link Transport#builder}), servers and clients work and no NoClassDefFoundError is thrown.
 */
class WithoutMicrometerIT {

    @RegisterExtension
    final EmbeddedBrokerVhost broker = new EmbeddedBrokerVhost();

    /** Runs in a class loader without Micrometer. */
    public static final class Probe {
        public static String run(String url) {
            try (Transport t = Transport.builder(url).open();
                 RpcServer s = RpcServer.builder(t, Target.topic("plain").withServer("s1"))
                         .endpoint(new Adder()).build().start()) {
                return RpcClient.builder(t, Target.topic("plain")).timeout(Duration.ofSeconds(10)).build()
                        .call(Map.of("request_id", "req-1"), "add", Map.of("a", 2, "b", 3)).toString();
            }
        }
    }

    public static final class Adder {
        public int add(int a, int b) {
            return a + b;
        }
    }

    @Test
    void worksWithoutMicrometerOnTheClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains(File.separator + "micrometer") && !entry.contains("io" + File.separator + "micrometer")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.observation.ObservationRegistry", false, loader))
                    .as("the loader hides Micrometer").isInstanceOf(ClassNotFoundException.class);
            Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
            assertThat(probe.getClassLoader()).isSameAs(loader);
            // as an application running in that loader would have it (drivers are also looked up there)
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                assertThat(probe.getMethod("run", String.class).invoke(null, broker.url())).isEqualTo("5");
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }
}

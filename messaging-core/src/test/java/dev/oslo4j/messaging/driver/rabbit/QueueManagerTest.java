package dev.oslo4j.messaging.driver.rabbit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class QueueManagerTest {

    @TempDir
    Path dir;

    @Test
    void countsFromOneAndSharesTheCounterBetweenInstances() {
        QueueManager a = new QueueManager("host-1", "nova-api", dir);
        QueueManager b = new QueueManager("host-1", "nova-api", dir);
        assertThat(a.next()).isEqualTo("host-1:nova-api:1");
        assertThat(b.next()).isEqualTo("host-1:nova-api:2");
        assertThat(new QueueManager("host-1", "nova-conductor", dir).next()).isEqualTo("host-1:nova-conductor:1");
        assertThat(a.file().getFileName().toString()).isEqualTo("oslo4j_host-1_nova-api_qmanager");
    }

    @Test
    void restartsAtOneWhenTheProcessesThatCountedAreGone() throws Exception {
        QueueManager m = new QueueManager("h", "p/x", dir);
        // a previous run (pid 1 never has this start time) and a damaged line
        Files.writeString(m.file(), "1 12345 7\ngarbage\n");
        assertThat(m.next()).isEqualTo("h:p/x:1");
        assertThat(Files.readAllLines(m.file())).hasSize(1);
    }

    @Test
    void concurrentThreadsNeverGetTheSameName() throws Exception {
        QueueManager m = new QueueManager("h", "p", dir);
        Set<String> names = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> added = pool.invokeAll(java.util.Collections.nCopies(64, () -> names.add(m.next())));
            for (Future<Boolean> f : added) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(names).hasSize(64).contains("h:p:1", "h:p:64");
    }
}

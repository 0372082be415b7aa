package dev.oslo4j.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PortRebindTest {

    @Test
    void aPortHeldByAnotherSocketIsNotBindableAndBecomesSoOnceReleased() throws Exception {
        ServerSocket holder = new ServerSocket();
        holder.bind(new InetSocketAddress("127.0.0.1", 0));
        int port = holder.getLocalPort();
        try {
            assertThat(PortRebind.bindable("127.0.0.1", port)).isFalse();
        } finally {
            holder.close();
        }
        assertThat(PortRebind.bindable("127.0.0.1", port)).isTrue();
    }

    @Test
    void waitingForAPortReturnsOnceItsHolderLetsGo() throws Exception {
        ServerSocket holder = new ServerSocket();
        holder.bind(new InetSocketAddress("127.0.0.1", 0));
        int port = holder.getLocalPort();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> PortRebind.awaitBindable("127.0.0.1", port));
        assertThat(waiting).isNotDone();
        holder.close();
        waiting.get(PortRebind.LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(PortRebind.bindable("127.0.0.1", port)).isTrue();
    }
}

package dev.oslo4j.messaging.driver.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The in-memory bus of one virtual host, shared by every {@code fake://} transport of the process that names it
 * (oslo's {@code FakeExchangeManager}, which oslo shares across the whole process). Per exchange, oslo's
 * {@code FakeExchange} queues: topic queues keyed by (topic, pool) and server queues keyed by (topic, server).
 * Queues are created on first send or listen and kept, so messages sent before a consumer exists wait for it,
 * as in oslo. The bus lives while a transport uses it: when the last one closes, its queues are gone.
 */
final class FakeVirtualHost {

    private static final Map<String, FakeVirtualHost> OPEN = new HashMap<>();

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<QueueKey, Deque<FakeMessage>> queues = new HashMap<>();
    private final Map<String, Consumer<byte[]>> replyQueues = new HashMap<>();
    private int users;

    private FakeVirtualHost(String name) {
        this.name = name;
    }

    /** The bus of {@code name}, created for its first user; pair with {@link #release()}. */
    static FakeVirtualHost acquire(String name) {
        synchronized (OPEN) {
            FakeVirtualHost v = OPEN.computeIfAbsent(name, FakeVirtualHost::new);
            v.users++;
            return v;
        }
    }

    void release() {
        synchronized (OPEN) {
            if (--users == 0) {
                OPEN.remove(name);
            }
        }
    }

    String name() {
        return name;
    }

    /** A queue: its exchange, topic, and either a server (server queues) or a pool (topic queues, null = none). */
    record QueueKey(String exchange, String topic, String server, String pool) {
        static QueueKey topic(String exchange, String topic, String pool) {
            return new QueueKey(exchange, topic, null, pool);
        }

        static QueueKey server(String exchange, String topic, String server) {
            return new QueueKey(exchange, topic, Objects.requireNonNull(server), null);
        }

        boolean isServerQueue() {
            return server != null;
        }
    }

    /** Creates a queue if missing; a new pool queue starts with a copy of the messages waiting without pool. */
    void ensure(QueueKey key) {
        lock.lock();
        try {
            queue(key);
        } finally {
            lock.unlock();
        }
    }

    private Deque<FakeMessage> queue(QueueKey key) {
        Deque<FakeMessage> q = queues.get(key);
        if (q == null) {
            q = new ArrayDeque<>();
            if (!key.isServerQueue() && key.pool() != null) {
                q.addAll(queue(QueueKey.topic(key.exchange(), key.topic(), null)));
            }
            queues.put(key, q);
        }
        return q;
    }

    /**
     * oslo's {@code deliver_message}: a fanout goes to every server queue of the topic, a server-targeted message
     * to its server queue, anything else to every topic queue of the topic (the one without pool, created if
     * needed, and one per pool).
     */
    void deliver(String exchange, String topic, String server, boolean fanout, FakeMessage message) {
        lock.lock();
        try {
            List<Deque<FakeMessage>> targets = new ArrayList<>();
            if (fanout) {
                queues.forEach((k, q) -> {
                    if (k.isServerQueue() && k.exchange().equals(exchange) && k.topic().equals(topic)) {
                        targets.add(q);
                    }
                });
            } else if (server != null) {
                targets.add(queue(QueueKey.server(exchange, topic, server)));
            } else {
                queue(QueueKey.topic(exchange, topic, null));
                queues.forEach((k, q) -> {
                    if (!k.isServerQueue() && k.exchange().equals(exchange) && k.topic().equals(topic)) {
                        targets.add(q);
                    }
                });
            }
            targets.forEach(q -> q.addLast(message));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Puts a message back at the head of the queue it came from (as a broker requeues). */
    void requeue(QueueKey key, FakeMessage message) {
        lock.lock();
        try {
            queue(key).addFirst(message);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the first live message of the first of {@code keys} that has one, waiting up to {@code waitMillis}
     * for one to arrive; expired call requests are dropped on the way (a broker drops them by their TTL).
     *
     * @return null when nothing arrived in time or {@code mayTake} said no
     */
    Taken take(List<QueueKey> keys, long waitMillis, java.util.function.BooleanSupplier mayTake)
            throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (true) {
                if (mayTake.getAsBoolean()) {
                    for (QueueKey key : keys) {
                        Deque<FakeMessage> q = queue(key);
                        FakeMessage m;
                        while ((m = q.pollFirst()) != null) {
                            if (!m.expired()) {
                                return new Taken(key, m);
                            }
                        }
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A message taken from a queue. */
    record Taken(QueueKey queue, FakeMessage message) {
    }

    /** Wakes consumers waiting in {@link #take} (a consumer stopped, or a settled message freed capacity). */
    void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void addReplyQueue(String queue, Consumer<byte[]> consumer) {
        lock.lock();
        try {
            replyQueues.put(queue, consumer);
        } finally {
            lock.unlock();
        }
    }

    void removeReplyQueue(String queue) {
        lock.lock();
        try {
            replyQueues.remove(queue);
        } finally {
            lock.unlock();
        }
    }

    /** Hands a reply body to the transport owning {@code queue}; false when it is gone (closed). */
    boolean reply(String queue, byte[] body) {
        Consumer<byte[]> c;
        lock.lock();
        try {
            c = replyQueues.get(queue);
        } finally {
            lock.unlock();
        }
        if (c == null) {
            return false;
        }
        c.accept(body);
        return true;
    }

    /** Messages waiting in a queue (for tests and diagnostics). */
    int depth(QueueKey key) {
        lock.lock();
        try {
            Deque<FakeMessage> q = queues.get(key);
            return q == null ? 0 : q.size();
        } finally {
            lock.unlock();
        }
    }
}

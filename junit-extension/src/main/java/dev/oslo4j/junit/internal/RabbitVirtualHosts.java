package dev.oslo4j.junit.internal;

import dev.oslo4j.messaging.wire.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Fresh virtual hosts on a real RabbitMQ, one per test and never reused: created ahead of demand in batches (with
 * permissions for the test user and the firehose tracer on) and deleted in batches after use, each on its own
 * background thread, so a test rarely waits for the {@link RabbitAdmin}. With rabbitmqctl one eval does a batch
 * (RabbitMQ 3.10, 2 cores: ≈ 1.4 s, plus ≈ 25 ms per created and ≈ 65 ms per deleted vhost) — hence small first
 * batches (a quick first test), larger ones after; the management API costs a few milliseconds per request.
 */
final class RabbitVirtualHosts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitVirtualHosts.class);
    static final String PREFIX = "oslo4j-test-";
    private static final int FIRST_BATCH = 4;
    private static final int BATCH = 16;
    private static final int LOW_WATER = 4;
    private static final long TAKE_TIMEOUT_SECONDS = 120;

    private final RabbitAdmin admin;
    private final String user;
    private final LinkedBlockingDeque<String> ready = new LinkedBlockingDeque<>();
    private final List<String> retired = new ArrayList<>();
    private final ExecutorService creator = daemonThread("oslo4j-rabbitmq-vhost-create");
    private final ExecutorService deleter = daemonThread("oslo4j-rabbitmq-vhost-delete");
    private int batches;
    private boolean refilling;
    private volatile RuntimeException failure;

    RabbitVirtualHosts(RabbitAdmin admin, String user) {
        this.admin = admin;
        this.user = user;
    }

    /** A fresh virtual host; waits for a batch to be created when none is ready. */
    String take() {
        refillIfLow();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TAKE_TIMEOUT_SECONDS);
            while (true) {
                String vhost = ready.poll(100, TimeUnit.MILLISECONDS);
                if (vhost != null) {
                    refillIfLow();
                    return vhost;
                }
                RuntimeException f = failure;
                if (f != null) {
                    throw new IllegalStateException("cannot create virtual hosts for tests: " + f.getMessage(), f);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no virtual host was created within " + TAKE_TIMEOUT_SECONDS
                            + " s by '" + admin.describe() + "'");
                }
                refillIfLow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a test virtual host", e);
        }
    }

    /** Schedules a used virtual host for deletion (with everything in it). */
    void retire(String vhost) {
        List<String> batch = null;
        synchronized (retired) {
            retired.add(vhost);
            if (retired.size() >= BATCH) {
                batch = new ArrayList<>(retired);
                retired.clear();
            }
        }
        if (batch != null) {
            List<String> toDelete = batch;
            submit(deleter, () -> delete(toDelete));
        }
    }

    private synchronized void refillIfLow() {
        if (refilling || failure != null || ready.size() >= LOW_WATER) {
            return;
        }
        refilling = true;
        int size = batches++ == 0 ? FIRST_BATCH : BATCH;
        submit(creator, () -> {
            try {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    batch.add(PREFIX + Ids.hex32().substring(0, 12));
                }
                create(batch);
                ready.addAll(batch);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                synchronized (this) {
                    refilling = false;
                }
            }
        });
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static void submit(ExecutorService executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closed: close() deletes what is left
        }
    }

    private void create(List<String> vhosts) {
        admin.createVirtualHosts(vhosts, user);
    }

    private void delete(List<String> vhosts) {
        if (vhosts.isEmpty()) {
            return;
        }
        try {
            admin.deleteVirtualHosts(vhosts);
        } catch (RuntimeException e) {
            LOG.warn("could not delete test virtual hosts {}: {}", vhosts, e.getMessage());
        }
    }

    private static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(TAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes every virtual host this pool created and still holds (used or not), then stops its threads. */
    @Override
    public void close() {
        stop(creator);
        stop(deleter);
        List<String> left = new ArrayList<>();
        ready.drainTo(left);
        synchronized (retired) {
            left.addAll(retired);
            retired.clear();
        }
        delete(left);
    }
}

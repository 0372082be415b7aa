package dev.oslo4j.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded pool of named daemon threads that wakes as few of them as the work needs. A
 * {@link java.util.concurrent.ThreadPoolExecutor} wakes an idle worker for every task while any is idle, so a burst
 * of small tasks (messages, completed futures) costs a context switch each. Here an awake worker drains the queue
 * in a loop and another is woken only when none is awake or the backlog exceeds {@value #BACKLOG_PER_WORKER} per
 * awake worker. Work never waits behind a blocked task while threads are left: a {@link Watchdog} looks at pools
 * with a backlog every {@value Watchdog#TICK_MICROS} µs and wakes one more worker when none of the awake ones
 * finished a task since its last look. Workers idle for {@code keepAlive} end. FIFO; with one thread, tasks run
 * one after the other in submission order.
 */
final class BatchingExecutor extends AbstractExecutorService {

    /** Queued tasks per awake worker beyond which another is woken at once. */
    static final int BACKLOG_PER_WORKER = 4;

    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOP = 2;

    private final int maxThreads;
    private final String prefix;
    private final long keepAliveNanos;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    /** Workers not parked: running a task or looking for one. */
    private final AtomicInteger awake = new AtomicInteger();
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final Object termination = new Object();
    private volatile int state = RUNNING;
    /** Watched by the {@link Watchdog}; its last reading of {@link #completed}. */
    volatile boolean watched;
    long lastCompleted = -1;

    BatchingExecutor(int maxThreads, String prefix, long keepAlive, TimeUnit unit) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("a pool needs at least one thread, got " + maxThreads);
        }
        this.maxThreads = maxThreads;
        this.prefix = prefix;
        this.keepAliveNanos = unit.toNanos(keepAlive);
    }

    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw new NullPointerException("task");
        }
        if (state != RUNNING) {
            throw new RejectedExecutionException(prefix + " pool is shut down");
        }
        queue.offer(task);
        int queued = backlog.incrementAndGet();
        int running = awake.get();
        if (running == 0 || queued > BACKLOG_PER_WORKER * running) {
            if (wakeOne()) {
                return;
            }
        }
        if (running > 0 && !watched) {
            Watchdog.watch(this);
        }
    }

    /** Wakes an idle worker or starts one; false when every thread is already awake. */
    boolean wakeOne() {
        Worker w = idle.pollFirst();
        if (w != null) {
            awake.incrementAndGet();
            w.signalled = true;
            LockSupport.unpark(w.thread);
            return true;
        }
        for (int n = threads.get(); n < maxThreads; n = threads.get()) {
            if (threads.compareAndSet(n, n + 1)) {
                awake.incrementAndGet();
                Worker started = new Worker();
                workers.add(started);
                started.thread.start();
                return true;
            }
        }
        return false;
    }

    boolean hasBacklog() {
        return backlog.get() > 0;
    }

    long completedTasks() {
        return completed.get();
    }

    /** Threads started and not ended. */
    int threadCount() {
        return threads.get();
    }

    private final class Worker implements Runnable {
        final Thread thread;
        volatile boolean signalled;

        Worker() {
            this.thread = new Thread(this, prefix + "-" + names.incrementAndGet());
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                loop();
            } finally {
                workers.remove(this);
                threads.decrementAndGet();
                synchronized (termination) {
                    termination.notifyAll();
                }
            }
        }

        private void loop() {
            while (state != STOP) {
                Runnable task = queue.poll();
                if (task != null) {
                    backlog.decrementAndGet();
                    try {
                        task.run();
                    } catch (RuntimeException | Error e) {
                        Thread.UncaughtExceptionHandler h = thread.getUncaughtExceptionHandler();
                        h.uncaughtException(thread, e);
                    } finally {
                        completed.incrementAndGet();
                    }
                    continue;
                }
                if (state == SHUTDOWN) {
                    awake.decrementAndGet();
                    return;
                }
                if (!park()) {
                    return;
                }
            }
            awake.decrementAndGet();
        }

        /** Parks until woken; false when the keep-alive ran out (the worker ends, no longer counted awake). */
        private boolean park() {
            signalled = false;
            idle.addFirst(this);
            awake.decrementAndGet();
            if ((!queue.isEmpty() || state != RUNNING) && idle.remove(this)) {
                awake.incrementAndGet(); // work came (or shutdown) between the poll and going idle
                return true;
            }
            long deadline = System.nanoTime() + keepAliveNanos;
            while (!signalled) {
                long left = deadline - System.nanoTime();
                if (left <= 0 && idle.remove(this)) {
                    return false;
                }
                LockSupport.parkNanos(BatchingExecutor.this, left > 0 ? left : TimeUnit.MILLISECONDS.toNanos(1));
                if (state != RUNNING && idle.remove(this)) {
                    awake.incrementAndGet();
                    return true;
                }
            }
            return true;
        }
    }

    @Override
    public void shutdown() {
        if (state == RUNNING) {
            state = SHUTDOWN;
        }
        wakeIdle();
    }

    @Override
    public List<Runnable> shutdownNow() {
        state = STOP;
        List<Runnable> left = new ArrayList<>();
        for (Runnable r; (r = queue.poll()) != null; ) {
            backlog.decrementAndGet();
            left.add(r);
        }
        for (Worker w : workers) {
            w.thread.interrupt();
        }
        wakeIdle();
        return left;
    }

    private void wakeIdle() {
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    @Override
    public boolean isShutdown() {
        return state != RUNNING;
    }

    @Override
    public boolean isTerminated() {
        return state != RUNNING && threads.get() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (termination) {
            while (!isTerminated()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(termination, left);
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "BatchingExecutor(" + prefix + ", " + threads.get() + "/" + maxThreads + " threads, " + awake.get()
                + " awake, " + backlog.get() + " queued)";
    }

    /**
     * One daemon thread for every pool of the JVM, ticking only while some pool has a backlog that its awake
     * workers have not touched: it wakes one more worker of a pool whose awake workers completed nothing since
     * the previous tick (they are blocked, or slow), so that queued work gets a thread as a
     * ThreadPoolExecutor would give it, only a tick later.
     */
    static final class Watchdog {
        static final long TICK_MICROS = 2_000;
        /** Ticks with nothing to watch before the watchdog parks until a pool needs it again. */
        private static final int LINGER_TICKS = 50;
        private static final ConcurrentLinkedQueue<BatchingExecutor> WATCHED = new ConcurrentLinkedQueue<>();
        private static volatile Thread thread;
        private static volatile boolean sleeping;

        private Watchdog() {
        }

        static void watch(BatchingExecutor pool) {
            pool.watched = true;
            WATCHED.offer(pool);
            Thread t = thread;
            if (t == null) {
                start();
            } else if (sleeping) {
                LockSupport.unpark(t);
            }
        }

        private static synchronized void start() {
            if (thread == null) {
                Thread t = new Thread(Watchdog::run, "oslo4j-pool-watchdog");
                t.setDaemon(true);
                thread = t;
                t.start();
            }
        }

        private static void run() {
            int quiet = 0;
            while (true) {
                if (WATCHED.isEmpty() && ++quiet > LINGER_TICKS) {
                    sleeping = true;
                    if (WATCHED.isEmpty()) {
                        LockSupport.park();
                    }
                    sleeping = false;
                    quiet = 0;
                    continue;
                }
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(TICK_MICROS));
                int n = WATCHED.size();
                for (int i = 0; i < n; i++) {
                    BatchingExecutor pool = WATCHED.poll();
                    if (pool == null) {
                        break;
                    }
                    quiet = 0;
                    check(pool);
                }
            }
        }

        private static void check(BatchingExecutor pool) {
            if (!pool.hasBacklog() || pool.isShutdown() && pool.state == STOP) {
                pool.lastCompleted = -1;
                pool.watched = false;
                if (pool.hasBacklog() && pool.state != STOP) {
                    watch(pool); // raced with a submitter that saw watched == true
                }
                return;
            }
            long done = pool.completedTasks();
            if (done == pool.lastCompleted) {
                pool.wakeOne();
            }
            pool.lastCompleted = done;
            WATCHED.offer(pool);
        }
    }
}

package dev.oslo4j.junit;

import dev.oslo4j.junit.internal.AssertionErrors;
import dev.oslo4j.junit.internal.Criterion;
import dev.oslo4j.junit.internal.Expectation;
import dev.oslo4j.junit.internal.FailureReport;
import dev.oslo4j.junit.internal.RequestCriteria;
import dev.oslo4j.junit.internal.TestSession;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.assertj.core.description.Description;
import org.assertj.core.description.TextDescription;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The message bus as one test sees it: an isolated, empty broker view that records, at the broker, every message
 * published during the test — casts, fanout casts, calls, replies, notifications, unroutable and unrecognised
 * ones — and offers waiting assertions on them, RPC stubs and fault injection. Injected by {@link OsloBroker}.
 *
 * <pre>{@code
 * bus.assertCastReceived(Target.topic("compute").withServer("host1"), "reboot_instance")
 *    .withArg("instance_id", "uuid-1");
 * bus.assertNotified(Priority.INFO).withEventType("compute.instance.reboot.start");
 * bus.assertNoCast(Target.topic("compute"), "delete_instance");
 * bus.stubServer(Target.topic("scheduler")).on("select_destinations").reply(List.of());
 * }</pre>
 *
 * <p>Positive assertions wait up to {@link #awaitTimeout()} (5 s by default,
 * {@link OsloBrokerConfig#awaitTimeoutMillis()}) and return as soon as they are satisfied; negative ones watch for
 * {@link #quietPeriod()} (200 ms by default) and fail as soon as a matching message shows up. A Target without
 * exchange means the control exchange ({@code openstack} unless configured). Thread-safe.
 */
public final class OsloBus {

    private final TestSession session;
    private final Description description;

    OsloBus(TestSession session) {
        this(session, null);
    }

    private OsloBus(TestSession session, Description description) {
        this.session = session;
        this.description = description;
    }

    /**
     * This bus with a description for the failure messages of the assertions started from it, as AssertJ's
     * {@code as(…)}: {@code bus.as("the reboot request").assertCastReceived(…)} fails with
     * {@code [the reboot request] Expecting a cast …}. ({@code as(…)} on the returned assertion describes only
     * the narrowings after it: the first wait happens in {@code assertCastReceived} itself.)
     */
    public OsloBus as(String description, Object... args) {
        return new OsloBus(session, new TextDescription(description, args));
    }

    // --- the test's broker view ----------------------------------------------------------------------------

    /** The test's transport URL (the same as {@link OsloUrl}), for code that opens its own Transport. */
    public String transportUrl() {
        return session.transportUrl();
    }

    /** Opens another Transport on the test's view (a second "process"); closed after the test. */
    public Transport openTransport() {
        return session.openTransport();
    }

    public Duration awaitTimeout() {
        return session.settings().awaitTimeout();
    }

    public Duration quietPeriod() {
        return session.settings().quietPeriod();
    }

    // --- recordings ----------------------------------------------------------------------------------------

    /**
     * Everything recorded so far, in publish order: at least every message whose publish completed (was confirmed)
     * before this call.
     */
    public List<RecordedMessage> messages() {
        session.isolation().awaitRecorded();
        return session.recording().snapshot();
    }

    /** The casts and fanout casts recorded so far. */
    public List<RecordedRequest> casts() {
        return messages().stream().filter(m -> m instanceof RecordedRequest r && r.isCast())
                .map(RecordedRequest.class::cast).toList();
    }

    /** The calls recorded so far. */
    public List<RecordedRequest> calls() {
        return messages().stream().filter(m -> m instanceof RecordedRequest r && r.isCall())
                .map(RecordedRequest.class::cast).toList();
    }

    /** The replies (and call-monitor heartbeats) recorded so far. */
    public List<RecordedReply> replies() {
        return ofType(RecordedReply.class);
    }

    /** The notifications recorded so far. */
    public List<RecordedNotification> notifications() {
        return ofType(RecordedNotification.class);
    }

    private <T extends RecordedMessage> List<T> ofType(Class<T> type) {
        return messages().stream().filter(type::isInstance).map(type::cast).toList();
    }

    // --- assertions ----------------------------------------------------------------------------------------

    /**
     * Waits for a cast (or fanout cast, for a fanout Target) of {@code method} to {@code target}: its exchange and
     * routing key, and its namespace and version when the Target names them.
     */
    public RpcRequestAssert assertCastReceived(Target target, String method) {
        return new RpcRequestAssert(session.recording(), requests("cast", target, method, true), awaitTimeout(),
                description).await();
    }

    /** Waits for a call of {@code method} to {@code target} (see {@link #assertCastReceived}). */
    public RpcRequestAssert assertCalled(Target target, String method) {
        return new RpcRequestAssert(session.recording(), requests("call", target, method, false), awaitTimeout(),
                description).await();
    }

    /** Waits for a notification of {@code priority} (on any topic). */
    public NotificationAssert assertNotified(Priority priority) {
        Objects.requireNonNull(priority, "priority");
        Expectation<RecordedNotification> e = new Expectation<>(RecordedNotification.class, "notification");
        e.add(new Criterion<>("with priority " + priority.wireName(),
                n -> priority == n.priority() ? null : "priority was " + n.priorityText()));
        return new NotificationAssert(session.recording(), e, awaitTimeout(), description).await();
    }

    /** Fails if a cast of {@code method} to {@code target} was recorded, or shows up during the quiet period. */
    public void assertNoCast(Target target, String method) {
        assertNone(requests("cast", target, method, true));
    }

    /** Fails if a call of {@code method} to {@code target} was recorded, or shows up during the quiet period. */
    public void assertNotCalled(Target target, String method) {
        assertNone(requests("call", target, method, false));
    }

    /** Fails if any notification was recorded, or shows up during the quiet period. */
    public void assertNothingNotified() {
        assertNone(new Expectation<>(RecordedNotification.class, "notification"));
    }

    private Expectation<RecordedRequest> requests(String noun, Target target, String method, boolean cast) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(method, "method");
        Expectation<RecordedRequest> e = new Expectation<>(RecordedRequest.class, noun);
        e.add(cast ? RequestCriteria.isCast() : RequestCriteria.isCall());
        e.add(RequestCriteria.sentTo(target, session.settings().controlExchange()));
        e.add(RequestCriteria.method(method));
        return e;
    }

    private void assertNone(Expectation<? extends RecordedMessage> e) {
        long deadline = System.nanoTime() + quietPeriod().toNanos();
        List<RecordedMessage> all = session.recording().awaitUntil(s -> !e.matches(s).isEmpty(), deadline);
        List<? extends RecordedMessage> found = e.matches(all);
        if (!found.isEmpty()) {
            throw AssertionErrors.create(description, FailureReport.render("Expecting no " + e.noun(), e,
                    "but found " + found.size() + " (" + FailureReport.sequences(found) + ").", all));
        }
    }

    // --- stubs and faults ----------------------------------------------------------------------------------

    /**
     * Starts a stub RPC server for {@code target} on a connection of its own; tell it what to answer with
     * {@link StubServer#on(String)}. It stops after the test.
     */
    public StubServer stubServer(Target target) {
        return session.own(new StubServer(session.stubTransport(), target));
    }

    /**
     * Closes every client connection of this test's broker view abruptly (as {@code rabbitmqctl
     * close_all_connections} does: 320 CONNECTION_FORCED), and returns once they are closed. Other tests are not
     * touched. Recording goes on; clients reconnect as they do in production.
     */
    public void dropConnections() {
        session.isolation().dropConnections();
    }

    /**
     * Restarts the broker as this test sees it, like a RabbitMQ node restart: every connection of the test's broker
     * view is closed abruptly (320 CONNECTION_FORCED; clients reconnect as they do in production), non-durable
     * queues, exchanges and bindings and transient messages are gone, durable ones and persistent messages on
     * durable queues stay; returns once the broker accepts connections again. Recording and stubs go on.
     *
     * <p>Works in any test: on the embedded broker shared by the JVM's tests only the test's own virtual host is
     * restarted, so tests running in parallel are not touched. With
     * {@link OsloBrokerConfig#dedicatedBroker() dedicatedBroker = true} the test's own broker restarts as a whole
     * (same port). On a real RabbitMQ (shared with other tests) this aborts the test with the reason, which JUnit
     * reports as skipped.
     */
    public void restartBroker() {
        session.isolation().restartBroker();
    }

    @Override
    public String toString() {
        return "OsloBus[" + session.describe() + "]";
    }
}

package dev.oslo4j.messaging.dispatch;

import dev.oslo4j.messaging.BatchNotificationEndpoint;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationFilter;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.oslo4j.messaging.dispatch.NotificationDispatcherTest.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchNotificationDispatcherTest {

    /** Records each call as "priority:[event types]". */
    static class Recording implements BatchNotificationEndpoint {
        final List<String> calls;
        final NotificationResult errorAnswer;

        Recording(List<String> calls, NotificationResult errorAnswer) {
            this.calls = calls;
            this.errorAnswer = errorAnswer;
        }

        private String record(String p, List<Notification> batch) {
            return p + ":" + batch.stream().map(Notification::eventType).toList();
        }

        @Override
        public NotificationResult info(List<Notification> batch) {
            calls.add(record("info", batch));
            return null;
        }

        @Override
        public NotificationResult error(List<Notification> batch) {
            calls.add(record("error", batch));
            return errorAnswer;
        }
    }

    private static BatchNotificationDispatcher of(NotificationDispatcher.Registration... r) {
        return BatchNotificationDispatcher.of(List.of(r));
    }

    private static NotificationDispatcher.Registration reg(Object e) {
        return new NotificationDispatcher.Registration(e, null);
    }

    private static final List<ReceivedNotification> BATCH = List.of(received("INFO", "i1", 1),
            received("ERROR", "e1", 1), received("info", "i2", 1), received("bogus", "b1", 1),
            received("ERROR", "e2", 1));

    @Test
    void groupsByPriorityInPythonsSortedOrderKeepingArrivalOrderWithinGroups() {
        List<String> calls = new ArrayList<>();
        BatchNotificationDispatcher d = of(reg(new Recording(calls, null)));
        assertThat(d.priorities()).containsExactlyInAnyOrder(Priority.INFO, Priority.ERROR);
        assertThat(d.dispatch(BATCH)).isEmpty();
        assertThat(calls).containsExactly("error:[e1, e2]", "info:[i1, i2]");
    }

    @Test
    void requeueMarksTheWholePriorityGroupAndStopsItsOtherEndpoints() {
        List<String> calls = new ArrayList<>();
        BatchNotificationDispatcher d = of(reg(new Recording(calls, NotificationResult.REQUEUE)),
                reg(new Recording(calls, null)));
        assertThat(d.dispatch(BATCH)).containsExactlyInAnyOrder(1, 4);
        assertThat(calls).containsExactly("error:[e1, e2]", "info:[i1, i2]", "info:[i1, i2]");
    }

    @Test
    void filtersNarrowTheListButRequeueCoversFilteredOutMessagesToo() {
        List<String> calls = new ArrayList<>();
        BatchNotificationDispatcher d = of(new NotificationDispatcher.Registration(
                new Recording(calls, NotificationResult.REQUEUE), NotificationFilter.builder().eventType("e2").build()));
        assertThat(d.dispatch(BATCH)).containsExactlyInAnyOrder(1, 4);
        assertThat(calls).containsExactly("error:[e2]");
    }

    @Test
    void anEndpointWhoseFilterLeavesNothingIsNotCalled() {
        List<String> calls = new ArrayList<>();
        of(new NotificationDispatcher.Registration(new Recording(calls, null),
                NotificationFilter.builder().eventType("nothing").build())).dispatch(BATCH);
        assertThat(calls).isEmpty();
    }

    @Test
    void anExceptionRequeuesTheGroup() {
        Object failing = new Object() {
            public NotificationResult info(List<Notification> batch) {
                throw new IllegalStateException("boom");
            }
        };
        assertThat(of(reg(failing)).dispatch(BATCH)).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void singleMessageMethodsAreRejectedOnABatchListener() {
        Object single = new Object() {
            public void info(Notification n) {
            }
        };
        assertThatThrownBy(() -> of(reg(single))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must take one List<Notification> on a batch listener");
    }
}

package dev.oslo4j.messaging;

import java.util.List;

/**
 * An endpoint of a batch listener ({@link NotificationListener.Builder#batchSize(int)}): one method per priority
 * receiving the notifications of that priority in the batch (in arrival order), as oslo's batch endpoints do.
 * Override the priorities you handle; only those are subscribed. Returning {@link NotificationResult#REQUEUE}
 * (or throwing) requeues every notification of that priority in the batch — when the listener allows requeue —
 * and stops further endpoints for that priority; everything else is acknowledged.
 *
 * <p>Plain objects work too: public methods named by priority taking one {@code List<Notification>}.
 */
public interface BatchNotificationEndpoint {

    default NotificationResult audit(List<Notification> notifications) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult debug(List<Notification> notifications) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult info(List<Notification> notifications) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult warn(List<Notification> notifications) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult error(List<Notification> notifications) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult critical(List<Notification> notifications) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult sample(List<Notification> notifications) {
        return NotificationResult.HANDLED;
    }

    /** oslo's {@code filter_rule}: notifications not matching it are left out of this endpoint's lists. */
    default NotificationFilter filterRule() {
        return null;
    }
}

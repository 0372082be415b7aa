package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.MessageDeliveryFailure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Publishes with confirms and oslo's retry policy: a publish that fails because the connection went away is
 * re-published (same body, so the same {@code _unique_id}) once the connection is back, up to {@code retry}
 * times (-1: forever); anything else fails at once with {@link MessageDeliveryFailure}. Retries never run on the
 * AMQP client's I/O thread.
 */
final class Publisher {

    private final PublisherPool pool;
    private final ConnectionSupervisor supervisor;
    private final Executor retryExecutor;

    Publisher(PublisherPool pool, ConnectionSupervisor supervisor, Executor retryExecutor) {
        this.pool = pool;
        this.supervisor = supervisor;
        this.retryExecutor = retryExecutor;
    }

    /**
     * @param stillWanted checked before each re-publish (e.g. a call that already timed out is not re-sent)
     * @return completes when confirmed; fails with {@link Unroutable} for a returned mandatory message, with
     *     {@link MessageDeliveryFailure} otherwise
     */
    CompletableFuture<Void> send(Outgoing m, int retry, BooleanSupplier stillWanted) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        attempt(m, retry, 0, stillWanted, result);
        return result;
    }

    private void attempt(Outgoing m, int retry, int attempt, BooleanSupplier stillWanted, CompletableFuture<Void> result) {
        CompletableFuture<Void> confirmed;
        try {
            PublishChannel ch = pool.channel();
            for (int i = 0; i < m.declarations().size(); i++) {
                ch.declareOnce(m.declarationKeys().get(i), m.declarations().get(i));
            }
            confirmed = ch.publish(m.exchange(), m.routingKey(), m.mandatory(), m.properties(), m.body());
        } catch (RuntimeException e) {
            confirmed = CompletableFuture.failedFuture(e);
        }
        confirmed.whenComplete((v, e) -> {
            if (e == null) {
                result.complete(null);
                return;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            boolean retryable = cause instanceof ConnectionLost && !supervisor.isClosed()
                    && (retry < 0 || attempt < retry) && stillWanted.getAsBoolean();
            if (!retryable) {
                result.completeExceptionally(cause instanceof Unroutable || cause instanceof MessageDeliveryFailure
                        ? cause : new MessageDeliveryFailure("could not send " + m.description() + ": "
                        + cause.getMessage(), cause));
                return;
            }
            int passes = retry < 0 ? -1 : retry - attempt;
            supervisor.awaitConnected(passes).whenCompleteAsync((c, err) -> {
                if (err != null) {
                    Throwable why = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                    result.completeExceptionally(new MessageDeliveryFailure("could not send " + m.description()
                            + ": " + why.getMessage(), why));
                } else {
                    attempt(m, retry, attempt + 1, stillWanted, result);
                }
            }, retryExecutor);
        });
    }
}

package dev.oslo4j.messaging;

import dev.oslo4j.messaging.observe.Observed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Ends a sender's observation when its send completes: on the reply for calls, on the confirm otherwise. */
final class ObservedSends {

    private ObservedSends() {
    }

    /**
     * @param send          starts the send (its carrier was filled when {@code o} started)
     * @param remoteFailure the name of the remote exception a successful completion carries, or null
     */
    static <T> CompletableFuture<T> observe(Observed o, Supplier<CompletableFuture<T>> send,
                                            Function<T, String> remoteFailure) {
        CompletableFuture<T> f;
        try {
            f = send.get();
        } catch (RuntimeException e) {
            o.failed(e);
            o.stop();
            throw e;
        }
        f.whenComplete((v, e) -> {
            if (e != null) {
                o.failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
                String failure = remoteFailure.apply(v);
                if (failure != null) {
                    o.failed(failure);
                }
            }
            o.stop();
        });
        return f;
    }
}

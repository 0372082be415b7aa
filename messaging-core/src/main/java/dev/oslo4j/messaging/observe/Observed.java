package dev.oslo4j.messaging.observe;

/** One running observation; {@link #stop()} exactly once. Thread-safe enough to be stopped from another thread. */
public interface Observed {

    /** A finished no-op. */
    Observed NONE = new Observed() {
        @Override
        public Scope openScope() {
            return Scope.NONE;
        }

        @Override
        public void failed(Throwable error) {
        }

        @Override
        public void failed(String exceptionName) {
        }

        @Override
        public void stop() {
        }
    };

    /** Makes this the current observation of the calling thread (tracing bridges: the current span). */
    Scope openScope();

    /** Marks the outcome as an error of this exception (tag {@code exception} = its simple class name). */
    void failed(Throwable error);

    /** Marks the outcome as an error named by the peer (a remote Python exception's class name). */
    void failed(String exceptionName);

    void stop();

    /** The thread-local scope of an observation; closing restores the previous one. */
    interface Scope extends AutoCloseable {
        Scope NONE = () -> { };

        @Override
        void close();
    }
}

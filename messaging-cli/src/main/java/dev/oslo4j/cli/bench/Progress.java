package dev.oslo4j.cli.bench;

import java.util.function.LongSupplier;

/** Shows how far a run is. {@link #NONE} when nobody is watching (stderr is not a terminal). */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void begin(String label, long total, LongSupplier done) {
        }

        @Override
        public void end() {
        }
    };

    /** A phase starts: {@code done} counts towards {@code total}; may be polled from another thread. */
    void begin(String label, long total, LongSupplier done);

    /** The phase ended; leave the terminal line clean. */
    void end();
}

package dev.oslo4j.conformance.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;

/**
 * The passwords the security proofs use, in plain and percent-encoded form, and where they must never show:
 * exception messages, cause chains, {@code toString()}s, stack traces and log lines.
 */
final class Secrets {

    /** A password no code would print by accident (distinctive enough to search for). */
    static final String PASSWORD = "s3cr3t-Pa55";
    /** A password that needs percent-encoding in a URL: {@code s3cr3t/Pa55:x@y}. */
    static final String ENCODED_PASSWORD = "s3cr3t%2FPa55%3Ax%40y";
    static final String DECODED_PASSWORD = "s3cr3t/Pa55:x@y";
    /** The fragment both share, so that even a partial echo is caught. */
    private static final String CORE = "Pa55";

    /** Every way a password of ours could appear. */
    static final List<String> FORMS = List.of(PASSWORD, ENCODED_PASSWORD, DECODED_PASSWORD, CORE);

    /** Loggers whose output the proofs capture: the library, the AMQP client and the embedded broker. */
    static final String[] LOGGERS = {"dev.oslo4j", "com.rabbitmq", "org.apache.qpid"};

    private Secrets() {
    }

    /** Everything a user or a log could be shown of this exception: messages, causes, suppressed, stack trace. */
    static String everythingShownOf(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** The places (described) where a password form shows in {@code text}, empty when none. */
    static List<String> leaks(String where, String text) {
        List<String> found = new ArrayList<>();
        for (String form : FORMS) {
            if (text != null && text.contains(form)) {
                found.add(where + " shows '" + form + "': " + text);
            }
        }
        return found;
    }

    /** Leaks in any captured log line. */
    static List<String> leaks(LogCapture log) {
        List<String> found = new ArrayList<>();
        for (LogCapture.Event e : log.events()) {
            found.addAll(leaks("log line", e.toString()));
        }
        return found;
    }

    /** A capture of every library, client and broker log line down to DEBUG. */
    static LogCapture captureAllLogs() {
        return LogCapture.of(Level.DEBUG, LOGGERS);
    }
}

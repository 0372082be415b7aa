package dev.oslo4j.cli.demo;

import dev.oslo4j.cli.JsonOutput;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints the demo's story, one {@code [role] what happened} line at a time, from any thread. */
final class Narrator {
    private final PrintWriter out;

    Narrator(PrintWriter out) {
        this.out = out;
    }

    synchronized void say(String role, String text) {
        out.println(String.format(Locale.ROOT, "%-10s %s", "[" + role + "]", text));
        out.flush();
    }

    synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    /** A value as JSON, the way the wire shows it. */
    static String json(Object value) {
        return JsonOutput.line(value);
    }
}

package dev.oslo4j.cli.tap;

import dev.oslo4j.cli.JsonOutput;
import java.util.Map;

/** The one-line human form of a tap event; {@code --json} prints the event itself. */
final class TapLine {
    private TapLine() {
    }

    static String text(Map<String, Object> e) {
        return switch ((String) e.get("kind")) {
            case "call", "cast", "fanout" -> String.format("%-12s %s/%s %s(%s)%s", e.get("kind"), e.get("exchange"),
                    e.get("topic"), e.get("method"), args(e.get("args")),
                    e.containsKey("msg_id") ? " msg_id=" + e.get("msg_id") : "");
            case "reply" -> String.format("%-12s %s %s %s msg_id=%s", "reply",
                    e.get("method") == null ? "(call not seen)" : e.get("topic") + " " + e.get("method"),
                    e.containsKey("failure") ? "raised " + JsonOutput.line(e.get("failure"))
                            : "-> " + JsonOutput.line(e.get("result")),
                    e.get("round_trip_ms") == null ? "" : "in " + e.get("round_trip_ms") + " ms", e.get("msg_id"));
            case "notification" -> String.format("%-12s %s %s %s from %s %s", "notification", e.get("topic"),
                    e.get("priority"), e.get("event_type"), e.get("publisher_id"), JsonOutput.line(e.get("payload")));
            default -> String.format("%-12s %s/%s: %s", e.get("kind"), e.get("exchange"), e.get("routing_key"),
                    e.get("error"));
        };
    }

    private static String args(Object args) {
        String json = args == null ? "{}" : JsonOutput.line(args);
        return json.startsWith("{") ? json.substring(1, json.length() - 1) : json;
    }
}

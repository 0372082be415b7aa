package dev.oslo4j.junit.internal;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.oslo4j.junit.RecordedMessage;
import dev.oslo4j.junit.RecordedNotification;
import dev.oslo4j.junit.RecordedReply;
import dev.oslo4j.junit.RecordedRequest;
import dev.oslo4j.junit.UnrecognizedMessage;
import dev.oslo4j.junit.RemoteFailure;

/** How a recorded message reads in a failure message: one headline, then its fields, one per line. */
public final class MessageText {

    private static final String FIELD_INDENT = "       ";
    private static final int MAX_BODY = 300;

    private MessageText() {
    }

    /** What kind of message it is, in words: "cast", "call", "reply", "notification", … */
    public static String noun(RecordedMessage m) {
        if (m instanceof RecordedRequest r) {
            return r.kind().toString();
        }
        if (m instanceof RecordedReply r) {
            return r.isHeartbeat() ? "heartbeat" : "reply";
        }
        return m instanceof RecordedNotification ? "notification" : "unrecognized message";
    }

    static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** A quoted string, or {@code null}. */
    public static String quote(String s) {
        return s == null ? "null" : TextNode.valueOf(s).toString();
    }

    /** The message as an indented block starting with {@code indent}. */
    public static String block(RecordedMessage m, String indent) {
        StringBuilder out = new StringBuilder(indent).append('#').append(m.sequence()).append(' ');
        String fields = indent + FIELD_INDENT;
        if (m instanceof RecordedRequest r) {
            out.append(r.kind()).append(" to exchange ").append(quote(r.exchange()))
                    .append(", routing key ").append(quote(r.routingKey()));
            tail(out, m);
            field(out, fields, "method", quote(r.method()));
            if (r.namespace() != null) {
                field(out, fields, "namespace", quote(r.namespace()));
            }
            if (r.version() != null) {
                field(out, fields, "version", quote(r.version()));
            }
            field(out, fields, "args", JsonValues.render(r.args()));
            field(out, fields, "context", JsonValues.render(r.context()));
            if (r.isCall()) {
                field(out, fields, "reply to", r.replyQueue() + ", msg_id " + r.msgId()
                        + (r.expiration() == null ? "" : ", expiration " + r.expiration() + " ms"));
            }
        } else if (m instanceof RecordedReply r) {
            out.append(noun(r)).append(" to reply queue ").append(quote(r.replyQueue()));
            tail(out, m);
            field(out, fields, "msg_id", quote(r.msgId()));
            if (r.failure() != null) {
                field(out, fields, "failure", failure(r.failure()));
            } else if (!r.isHeartbeat()) {
                field(out, fields, "result", JsonValues.render(r.result()));
            }
        } else if (m instanceof RecordedNotification n) {
            out.append("notification ").append(n.priorityText()).append(" to exchange ")
                    .append(quote(n.exchange())).append(", routing key ").append(quote(n.routingKey()));
            tail(out, m);
            field(out, fields, "event_type", quote(n.eventType()));
            field(out, fields, "publisher_id", quote(n.publisherId()));
            field(out, fields, "payload", JsonValues.render(n.payload()));
            field(out, fields, "context", JsonValues.render(n.context()));
        } else if (m instanceof UnrecognizedMessage u) {
            out.append("unrecognized message to exchange ").append(quote(u.exchange()))
                    .append(", routing key ").append(quote(u.routingKey()));
            tail(out, m);
            field(out, fields, "reason", u.reason());
            String body = u.body();
            field(out, fields, "body", body.length() > MAX_BODY
                    ? body.substring(0, MAX_BODY) + "… (" + body.length() + " chars)" : body);
        }
        return out.toString();
    }

    /** {@code nova.exception.NoValidHost: message} plus kwargs when there are any. */
    public static String failure(RemoteFailure f) {
        String text = f.module() + "." + f.exceptionClass() + ": " + f.message();
        return f.kwargs().isEmpty() ? text : text + " " + JsonValues.render(f.kwargs());
    }

    private static void tail(StringBuilder out, RecordedMessage m) {
        if (m.unroutable()) {
            out.append(" (UNROUTABLE: no queue received it)");
        }
    }

    private static void field(StringBuilder out, String indent, String name, String value) {
        out.append('\n').append(indent).append(name).append(": ").append(value);
    }
}

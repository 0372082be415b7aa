package dev.oslo4j.messaging;

/** A {@link Target} lacks what the operation needs (e.g. a topic to send, a server name to serve). */
public class InvalidTarget extends MessagingException {

    private final Target target;

    public InvalidTarget(String message, Target target) {
        super(message + ": " + target);
        this.target = target;
    }

    public Target target() {
        return target;
    }
}

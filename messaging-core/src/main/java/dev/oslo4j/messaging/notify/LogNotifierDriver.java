package dev.oslo4j.messaging.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.wire.Json;
import dev.oslo4j.messaging.wire.NotificationMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * oslo's {@code log} driver on SLF4J: logger {@code oslo.messaging.notification.<event_type>}, the message as
 * JSON ({@code message_id}, {@code publisher_id}, {@code event_type}, {@code priority}, {@code payload},
 * {@code timestamp}) with secret-looking keys masked as {@code "***"}, as oslo's {@code mask_dict_password} does.
 * Levels: DEBUG, INFO, WARN, ERROR as named; CRITICAL → ERROR; AUDIT → INFO and SAMPLE → DEBUG (Python's
 * logging has no such levels and drops those with a warning; dropping them silently would surprise here).
 */
final class LogNotifierDriver implements NotifierDriver {

    static final String LOGGER_BASE = "oslo.messaging.notification";

    /** oslo.utils' {@code _SANITIZE_KEYS}: a key containing any of these (lower-cased) is masked. */
    private static final List<String> SECRET_KEYS = List.of("adminpass", "admin_pass", "password", "admin_password",
            "auth_token", "new_pass", "auth_password", "secret_uuid", "secret", "sys_pswd", "token", "configdrive",
            "chappassword", "encrypted_key", "private_key", "fernetkey", "sslkey", "passphrase", "cephclusterfsid",
            "octaviaheartbeatkey", "rabbitcookie", "cephmanilaclientkey", "pacemakerremoteauthkey",
            "designaterndckey", "cephadminkey", "heatauthencryptionkey", "cephclientkey", "keystonecredential",
            "barbicansimplecryptokek", "cephrgwkey", "swifthashsuffix", "migrationsshkey", "cephmdskey",
            "cephmonkey");

    @Override
    public CompletableFuture<Void> notify(NotificationMessage m, Priority priority, int retry) {
        Logger log = LoggerFactory.getLogger(LOGGER_BASE + "." + m.eventType());
        Level level = levelOf(priority);
        if (!log.isEnabledForLevel(level)) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            log.atLevel(level).log(render(m));
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static Level levelOf(Priority p) {
        return switch (p) {
            case DEBUG, SAMPLE -> Level.DEBUG;
            case INFO, AUDIT -> Level.INFO;
            case WARN -> Level.WARN;
            case ERROR, CRITICAL -> Level.ERROR;
        };
    }

    /** The logged text: oslo's message dict as Python's {@code json.dumps}, secrets masked. */
    static String render(NotificationMessage m) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("message_id", m.messageId());
        o.put("publisher_id", m.publisherId());
        o.put("event_type", m.eventType());
        o.put("priority", m.priority());
        o.set("payload", Json.mapper().valueToTree(m.payload()));
        o.put("timestamp", m.timestamp());
        return Json.toPythonJson(mask(o));
    }

    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            ObjectNode out = obj.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), !e.getValue().isObject() && isSecret(e.getKey()) ? TextNode.valueOf("***")
                        : mask(e.getValue()));
            }
            return out;
        }
        if (node instanceof ArrayNode arr) {
            ArrayNode out = arr.arrayNode();
            arr.forEach(v -> out.add(mask(v)));
            return out;
        }
        return node;
    }

    private static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String s : SECRET_KEYS) {
            if (k.contains(s)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "log";
    }
}

"""Role notifier: {"id", "op": "notify", "driver": "messaging"|"messagingv2", "topics": [..],
"publisher_id", "priority", "event_type", "payload", "ctxt", "retry"} -> {"id", "sent": true}.
With "from_conf": true the driver, topics and retry come from [oslo_messaging_notifications] of the config files.
oslo's Notifier logs send errors instead of raising them; those arrive as "log" events."""
import oslo_messaging

import peer_config
from peer_io import emit, serve_commands

PRIORITY_METHODS = ("audit", "debug", "info", "warn", "warning", "error", "critical", "sample")


def run(config, conf):
    transport = peer_config.notification_transport(config, conf)

    def notify(command):
        priority = str(command.get("priority", "")).lower()
        if priority not in PRIORITY_METHODS:
            raise ValueError("priority %r is not one of %s" % (command.get("priority"),
                                                               PRIORITY_METHODS))
        if command.get("from_conf"):
            notifier = oslo_messaging.Notifier(transport, publisher_id=command.get("publisher_id"))
        else:
            notifier = oslo_messaging.Notifier(transport, publisher_id=command.get("publisher_id"),
                                               driver=command.get("driver", "messagingv2"),
                                               topics=command.get("topics") or ["notifications"],
                                               retry=command.get("retry"))
        getattr(notifier, priority)(command.get("ctxt") or {}, command.get("event_type"),
                                    command.get("payload"))
        return {"sent": True}

    emit("ready", role="notifier")
    try:
        serve_commands({"notify": notify})
    finally:
        transport.cleanup()

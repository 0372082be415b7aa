"""Emits notifications with Python oslo.messaging for the CLI tests.

    OSLO4J_TEST_CONFIG='{"url": ..., "exchange": ..., "topic": ..., "driver": "messagingv2",
                         "notifications": [{"priority": "info", "event_type": ..., "payload": ...,
                                            "context": {...}}]}' python3 notifier.py

Prints READY, sends them all, prints SENT, then waits for stdin to close.
"""
import json
import os
import sys

from oslo_config import cfg
import oslo_messaging


def main():
    config = json.loads(os.environ["OSLO4J_TEST_CONFIG"])
    cfg.CONF([], project="oslo4j-cli-test")
    oslo_messaging.set_transport_defaults(control_exchange=config["exchange"])
    transport = oslo_messaging.get_notification_transport(cfg.CONF, url=config["url"])
    notifier = oslo_messaging.Notifier(transport, publisher_id="python.host1", driver=config["driver"],
                                       topics=[config["topic"]])
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    for n in config["notifications"]:
        getattr(notifier, n["priority"])(n.get("context", {}), n["event_type"], n["payload"])
    sys.stdout.write("SENT\n")
    sys.stdout.flush()
    sys.stdin.read()


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)

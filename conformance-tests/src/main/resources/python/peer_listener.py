"""Role listener: a (batch) notification listener that reports what it receives.

Config (besides peer_config's):
  targets        [{"topic", "exchange"}]           (required unless targets_from_conf)
  targets_from_conf  true: [oslo_messaging_notifications] topics of the config files, control exchange
  priorities     priorities the endpoint handles     (default: all seven)
  pool           listener pool name                  (default: none)
  allow_requeue  passed to oslo                      (default: false)
  results        {"<priority>": "handled"|"requeue"|"requeue_once"|"raise"} (default: handled)
  filter         NotificationFilter keyword arguments (publisher_id, event_type, context, ...)
  batch          {"size": n, "timeout": seconds} -> get_batch_notification_listener
Each notification is reported as {"event": "notification", "priority", "publisher_id",
"event_type", "payload", "metadata", "context", "result", "attempt"} (attempt = how often this
process saw that message_id); a batch as {"event": "batch", "priority", "size", "result",
"notifications": [...]}.
"""
import collections
import threading

import oslo_messaging
from oslo_messaging.notify.dispatcher import PRIORITIES

import peer_config
from peer_io import emit, serve_commands

RESULTS = ("handled", "requeue", "requeue_once", "raise")


class Outcomes(object):
    """Decides each delivery's result from the configured policy; thread-safe."""

    def __init__(self, results):
        bad = {p: r for p, r in results.items() if p not in PRIORITIES or r not in RESULTS}
        if bad:
            raise ValueError("config.results %s: priorities must be in %s, results in %s"
                             % (bad, PRIORITIES, RESULTS))
        self._results = results
        self._seen = collections.Counter()
        self._lock = threading.Lock()

    def decide(self, priority, message_ids):
        """Returns (result name, attempt number of the first message)."""
        with self._lock:
            first_time = any(self._seen[m] == 0 for m in message_ids)
            for m in message_ids:
                self._seen[m] += 1
            attempt = self._seen[message_ids[0]] if message_ids else 0
        policy = self._results.get(priority, "handled")
        if policy == "requeue_once":
            policy = "requeue" if first_time else "handled"
        return policy, attempt

    @staticmethod
    def answer(priority, result):
        if result == "raise":
            raise RuntimeError("peer listener configured to raise for %s" % priority)
        if result == "requeue":
            return oslo_messaging.NotificationResult.REQUEUE
        return oslo_messaging.NotificationResult.HANDLED


def _single_handler(priority, outcomes):
    def handle(ctxt, publisher_id, event_type, payload, metadata):
        result, attempt = outcomes.decide(priority, [metadata.get("message_id")])
        emit("notification", priority=priority, publisher_id=publisher_id,
             event_type=event_type, payload=payload, metadata=metadata, context=ctxt,
             result=result, attempt=attempt)
        return Outcomes.answer(priority, result)
    return handle


def _batch_handler(priority, outcomes):
    def handle(messages):
        ids = [m["metadata"].get("message_id") for m in messages]
        result, _ = outcomes.decide(priority, ids)
        emit("batch", priority=priority, size=len(messages), result=result,
             notifications=[{"priority": priority, "publisher_id": m["publisher_id"],
                             "event_type": m["event_type"], "payload": m["payload"],
                             "metadata": m["metadata"], "context": m["ctxt"], "result": result}
                            for m in messages])
        return Outcomes.answer(priority, result)
    return handle


def run(config, conf):
    priorities = config.get("priorities") or list(PRIORITIES)
    unknown = [p for p in priorities if p not in PRIORITIES]
    if unknown:
        raise ValueError("config.priorities %s are not oslo priorities %s" % (unknown, PRIORITIES))
    if config.get("targets_from_conf"):
        # as a consumer of a service's notifications: its [oslo_messaging_notifications] topics, control exchange
        targets = [oslo_messaging.Target(topic=t) for t in conf.oslo_messaging_notifications.topics]
    elif not config.get("targets"):
        raise ValueError("config.targets (a list of {topic, exchange}) or targets_from_conf is required")
    else:
        targets = [peer_config.target(t, "config.targets[]") for t in config["targets"]]
    outcomes = Outcomes(config.get("results") or {})
    batch = config.get("batch")
    make_handler = _batch_handler if batch else _single_handler

    endpoint = type("PeerNotificationEndpoint", (object,), {})()
    for priority in priorities:
        setattr(endpoint, priority, make_handler(priority, outcomes))
    if config.get("filter"):
        endpoint.filter_rule = oslo_messaging.NotificationFilter(**config["filter"])

    transport = peer_config.notification_transport(config, conf)
    common = dict(executor="threading", allow_requeue=bool(config.get("allow_requeue")),
                  pool=config.get("pool"))
    if batch:
        listener = oslo_messaging.get_batch_notification_listener(
            transport, targets, [endpoint], batch_size=batch.get("size"),
            batch_timeout=batch.get("timeout"), **common)
    else:
        listener = oslo_messaging.get_notification_listener(transport, targets, [endpoint],
                                                            **common)
    listener.start()  # queues declared and bound: notifications sent from now on are kept
    emit("ready", role="listener", pool=config.get("pool"), priorities=priorities)
    try:
        serve_commands({})
    finally:
        listener.stop()
        listener.wait()
        transport.cleanup()

"""Role rpc-client: runs call/cast commands concurrently (one worker thread per in-flight
command, up to config.max_in_flight, default 64).

Command: {"id", "op": "call"|"cast"|"can_send_version", "target": {exchange, topic, server,
namespace, version, fanout}, "method", "args", "ctxt", "timeout", "call_monitor_timeout",
"version_cap", "retry"}. Reply: {"id", "result"} for a call, {"id", "sent": true} for a cast,
{"id", "error": {class, module, message, args, kwargs, ... exc_type/value/traceback for
RemoteError}} when the call raised.

With config.serializer "objects" the client uses oslo.versionedobjects' serializer over
peer_objects; a command with "hydrate_args": true first turns its args into real objects with
obj_from_primitive, and a call's reply adds "result_class" (the Python class of the result) and
"result_changes" (its obj_what_changed(), sorted) while "result" is its primitive again.
"""
from concurrent.futures import ThreadPoolExecutor

import oslo_messaging

import peer_config
from peer_io import emit, serve_commands

CLIENT_OPTIONS = ("timeout", "call_monitor_timeout", "version_cap", "retry")


def run(config, conf):
    transport = peer_config.rpc_transport(config, conf)
    serializer = None
    if config.get("serializer") == "objects":
        import peer_objects  # needs python3-oslo.versionedobjects: only imported when asked for
        serializer = peer_objects.serializer()

    def client(command):
        target = peer_config.target(command.get("target"), "command.target")
        options = {k: command[k] for k in CLIENT_OPTIONS if command.get(k) is not None}
        return oslo_messaging.get_rpc_client(transport, target, serializer=serializer, **options)

    def args(command):
        values = command.get("args") or {}
        if command.get("hydrate_args"):
            ctxt = command.get("ctxt") or {}
            values = {k: serializer.deserialize_entity(ctxt, v) for k, v in values.items()}
        return values

    def call(command):
        result = client(command).call(command.get("ctxt") or {}, _method(command), **args(command))
        if serializer is None:
            return {"result": result}
        return {"result": serializer.serialize_entity({}, result),
                "result_class": type(result).__name__,
                "result_changes": sorted(result.obj_what_changed())
                if hasattr(result, "obj_what_changed") else None}

    def cast(command):
        client(command).cast(command.get("ctxt") or {}, _method(command), **args(command))
        return {"sent": True}

    def can_send_version(command):
        return {"result": client(command).can_send_version(command.get("version"))}

    workers = ThreadPoolExecutor(max_workers=config.get("max_in_flight", 64),
                                 thread_name_prefix="peer-call")
    emit("ready", role="rpc-client")
    try:
        serve_commands({"call": call, "cast": cast, "can_send_version": can_send_version},
                       executor=workers)
    finally:
        workers.shutdown(wait=True)
    # No transport.cleanup(): it spends ~10 s joining oslo's reply-poll thread, and a client
    # owns nothing shared to clean (its reply queue expires). Exiting closes the connections.


def _method(command):
    if not command.get("method"):
        raise ValueError("command.method is required")
    return command["method"]

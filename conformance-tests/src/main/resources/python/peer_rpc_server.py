"""Role rpc-server: a Python oslo.messaging RPC server with reference endpoints.

Config (besides peer_config's): topic, server (required), exchange (target exchange, else the
control exchange), default_version (the default endpoint's target version; none = oslo's
implicit "1.0"), serializer ("objects": oslo.versionedobjects' serializer over peer_objects,
which also adds the endpoint peer_objects.WidgetEndpoint). Every request is reported before dispatch as
{"event": "request", "kind": "call"|"cast", "method", "namespace", "version", "args",
 "context", "server", "client_timeout"} - also requests that end in NoSuchMethod.
"""
import importlib
import time

import oslo_messaging
from oslo_messaging.rpc import server as rpc_server

import peer_config
from peer_io import emit, serve_commands


class ReferenceEndpoint(object):
    """Default namespace; version 1.0 unless configured."""

    def __init__(self, version=None):
        if version:
            self.target = oslo_messaging.Target(version=version)

    def echo(self, ctxt, arg):
        return arg

    def add(self, ctxt, a, b):
        return a + b

    def fail(self, ctxt, message):
        raise ValueError(message)

    def sleep(self, ctxt, seconds):
        time.sleep(seconds)
        return seconds

    def record(self, ctxt, **kwargs):
        return None

    def raise_custom(self, ctxt, exc_class="InstanceNotFound",
                     exc_module="oslo4j_peer_exceptions", **kwargs):
        raise getattr(importlib.import_module(exc_module), exc_class)(**kwargs)

    def get_context(self, ctxt):
        return ctxt

    def _hidden(self, ctxt):
        return "methods starting with _ must never be dispatched"


class Ns2Endpoint(object):
    target = oslo_messaging.Target(namespace="ns2", version="2.3")

    def __init__(self, server):
        self._server = server

    def whoami(self, ctxt):
        return {"server": self._server, "namespace": "ns2"}


class RecordingDispatcher(oslo_messaging.RPCDispatcher):
    """Reports each request, then dispatches exactly as oslo does."""

    def __init__(self, endpoints, server, serializer=None):
        super().__init__(endpoints, serializer)
        self._server = server

    def dispatch(self, incoming):
        message = incoming.message
        # The rabbit driver sets msg_id (the request's _msg_id) on calls only; a cast has
        # none. It is a public attribute of the driver's incoming message, not of the base API.
        kind = "call" if getattr(incoming, "msg_id", None) else "cast"
        emit("request", kind=kind, method=message.get("method"),
             namespace=message.get("namespace"), version=message.get("version"),
             args=message.get("args"), context=incoming.ctxt, server=self._server,
             client_timeout=incoming.client_timeout)
        return super().dispatch(incoming)


def run(config, conf):
    target = peer_config.target({k: config[k] for k in ("exchange", "topic", "server")
                                 if config.get(k) is not None}, "rpc-server config")
    transport = peer_config.rpc_transport(config, conf)
    endpoints = [ReferenceEndpoint(config.get("default_version")), Ns2Endpoint(target.server)]
    serializer = None
    if config.get("serializer") == "objects":
        import peer_objects  # needs python3-oslo.versionedobjects: only imported when asked for
        serializer = peer_objects.serializer()
        endpoints.append(peer_objects.WidgetEndpoint())
    # get_rpc_server() always builds a plain RPCDispatcher; RPCServer is what it instantiates.
    server = rpc_server.RPCServer(transport, target, RecordingDispatcher(endpoints, target.server, serializer),
                                  executor="threading")
    server.start()  # queues are declared and bound here: requests sent from now on are kept
    emit("ready", role="rpc-server", topic=target.topic, server=target.server,
         exchange=target.exchange or conf.control_exchange)
    try:
        serve_commands({})
    finally:
        server.stop()
        server.wait()
        transport.cleanup()

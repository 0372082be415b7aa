"""JSON-lines I/O shared by every oslo4j peer role.

Protocol: the Java harness writes one JSON object per line on stdin (a command) and reads one
JSON object per line from stdout (an event). Every stdout line has an "event" key: "ready",
"reply" (answers the command with the same "id"), "request", "notification", "batch", "log",
"fatal", "stopped". Nothing else may write to stdout, so the real stdout is taken over here and
sys.stdout is pointed at stderr for stray prints.
"""
import json
import logging
import sys
import threading
import traceback

_lock = threading.Lock()
_out = None


def install():
    """Takes over stdout for events, routes logging (WARNING+ also as events) and crashes."""
    global _out
    _out = sys.stdout
    sys.stdout = sys.stderr
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().addHandler(_EventLogHandler(logging.WARNING))
    threading.excepthook = _thread_crashed


def emit(event, **fields):
    line = json.dumps(dict(event=event, **fields), default=str)
    with _lock:
        _out.write(line + "\n")
        _out.flush()


def fatal(exc):
    emit("fatal", error=describe_exception(exc), traceback=traceback.format_exc())


def describe_exception(exc):
    """What a test needs to check about an exception, remote or local."""
    cls = type(exc)
    info = {"class": cls.__name__, "module": cls.__module__, "message": str(exc),
            "first_line": str(exc).split("\n", 1)[0],
            "args": _jsonable(list(exc.args)),
            "kwargs": _jsonable(getattr(exc, "kwargs", None) or {}),
            "mro": ["%s.%s" % (c.__module__, c.__name__) for c in cls.__mro__
                    if c not in (object, BaseException)]}
    # oslo rebuilds an allowed remote exception as <class>_Remote in module <module>_Remote.
    if cls.__name__.endswith("_Remote") and cls.__module__.endswith("_Remote"):
        info.update({"class": cls.__name__[:-7], "module": cls.__module__[:-7], "rebuilt": True})
    for attr in ("exc_type", "value", "traceback"):  # oslo_messaging.RemoteError
        if hasattr(exc, attr) and not callable(getattr(exc, attr)):
            info[attr] = _jsonable(getattr(exc, attr))
    return info


def serve_commands(handlers, executor=None):
    """Runs commands from stdin until EOF. handlers: op -> callable(command) -> dict of reply
    fields. With an executor, commands run concurrently (replies may come out of order)."""
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            command = json.loads(line)
            if not isinstance(command, dict):
                raise ValueError("a command must be a JSON object, got %s" % type(command).__name__)
        except ValueError as exc:
            emit("reply", id=None, error=describe_exception(exc))
            continue
        if executor is None:
            _run(handlers, command)
        else:
            executor.submit(_run, handlers, command)


def _run(handlers, command):
    op = command.get("op")
    try:
        known = dict(handlers, ping=_ping)
        if op not in known:
            raise ValueError("unknown op %r; this peer understands %s" % (op, sorted(known)))
        fields = known[op](command)
    except Exception as exc:  # every failure is reported to the test, never lost
        fields = {"error": describe_exception(exc)}
    emit("reply", id=command.get("id"), **fields)


def _ping(command):
    return {"pong": True}


def _jsonable(value):
    return json.loads(json.dumps(value, default=str))


class _EventLogHandler(logging.Handler):
    def emit(self, record):
        fields = {"level": record.levelname, "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            fields["exception"] = "".join(traceback.format_exception(*record.exc_info))
        emit("log", **fields)


def _thread_crashed(args):
    emit("log", level="CRITICAL", logger="threading",
         message="thread %s died: %r" % (args.thread.name if args.thread else "?", args.exc_value),
         exception="".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                      args.exc_traceback)))

"""Exceptions raised by (and rebuilt in) the Python peers, shaped like nova.exception:
a message format filled from keyword arguments, the kwargs kept on the instance so that
oslo.messaging serializes them in the failure's "kwargs" and a client can rebuild the class."""


class PeerException(Exception):
    msg_fmt = "An unknown peer exception occurred."
    code = 500

    def __init__(self, message=None, **kwargs):
        self.kwargs = kwargs
        self.kwargs.setdefault("code", self.code)
        if not message:
            message = self.msg_fmt % kwargs
        self.message = message
        super().__init__(message)


class InstanceNotFound(PeerException):
    msg_fmt = "Instance %(instance_id)s could not be found."
    code = 404


class QuotaExceeded(PeerException):
    msg_fmt = "Quota exceeded for %(resource)s: requested %(requested)s, allowed %(allowed)s."
    code = 413

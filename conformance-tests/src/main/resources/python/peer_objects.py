"""Versioned objects shared by the Python peers and the Java tests (VersionedObjectsConformanceTest).

Registered with oslo.versionedobjects under the serial namespace "oslo4j_object" and the project
namespace "oslo4j" (as nova uses "nova_object" and "nova"). The Java twins live in
dev.oslo4j.conformance.objects.
"""
from oslo_versionedobjects import base
from oslo_versionedobjects import fields


class Oslo4jObject(base.VersionedObject):
    OBJ_SERIAL_NAMESPACE = "oslo4j_object"
    OBJ_PROJECT_NAMESPACE = "oslo4j"


@base.VersionedObjectRegistry.register
class Flavor(Oslo4jObject):
    VERSION = "1.1"
    fields = {
        "flavorid": fields.StringField(),
        "vcpus": fields.IntegerField(),
        "extra_specs": fields.DictOfStringsField(),
    }


@base.VersionedObjectRegistry.register
class Widget(Oslo4jObject):
    VERSION = "1.2"
    fields = {
        "id": fields.IntegerField(),
        "uuid": fields.UUIDField(),
        "name": fields.StringField(),
        "description": fields.StringField(nullable=True),
        "enabled": fields.BooleanField(),
        "weight": fields.FloatField(),
        "created_at": fields.DateTimeField(),
        "tags": fields.ListOfStringsField(),
        "flavor": fields.ObjectField("Flavor"),
        "parts": fields.ListOfObjectsField("Flavor"),
    }


def serializer():
    """The serializer the peers pass to oslo.messaging when config.serializer is "objects"."""

    class Serializer(base.VersionedObjectSerializer):
        OBJ_BASE_CLASS = Oslo4jObject

    return Serializer()


def touch(widget):
    """What the peers' widget endpoints do to a received object: visible, checkable changes."""
    widget.obj_reset_changes(recursive=True)
    widget.name = widget.name + " (seen by python)"
    widget.tags = widget.tags + ["python"]
    widget.parts = widget.parts + [Flavor(flavorid="py", vcpus=len(widget.parts), extra_specs={})]
    return widget


class WidgetEndpoint(object):
    """Served by rpc-server peers configured with serializer "objects"."""

    def touch_widget(self, ctxt, widget):
        if not isinstance(widget, Widget):
            raise TypeError("expected a Widget, got %s" % type(widget).__name__)
        for part in widget.parts:
            if not isinstance(part, Flavor):
                raise TypeError("expected Flavor parts, got %s" % type(part).__name__)
        if widget.obj_attr_is_set("created_at") and widget.created_at.utcoffset() is None:
            raise TypeError("created_at must be timezone-aware")
        return touch(widget)

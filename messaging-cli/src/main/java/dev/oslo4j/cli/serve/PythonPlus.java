package dev.oslo4j.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;

/** Python's {@code a + b} on JSON values: numbers add, strings and lists concatenate, the rest is a TypeError. */
final class PythonPlus {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PythonPlus() {
    }

    static JsonNode add(JsonNode a, JsonNode b) {
        if (isNumber(a) && isNumber(b)) {
            if (a.isFloatingPointNumber() || b.isFloatingPointNumber()) {
                return NODES.numberNode(a.asDouble() + b.asDouble());
            }
            return NODES.numberNode(integer(a).add(integer(b)));
        }
        if (a.isTextual() && b.isTextual()) {
            return NODES.textNode(a.textValue() + b.textValue());
        }
        if (a.isArray() && b.isArray()) {
            ArrayNode sum = NODES.arrayNode();
            sum.addAll((ArrayNode) a);
            sum.addAll((ArrayNode) b);
            return sum;
        }
        throw PythonArguments.typeError(String.format(Locale.ROOT,
                "unsupported operand type(s) for +: '%s' and '%s'", pythonType(a), pythonType(b)));
    }

    private static boolean isNumber(JsonNode node) {
        return node.isNumber() || node.isBoolean();
    }

    private static java.math.BigInteger integer(JsonNode node) {
        return node.isBoolean() ? java.math.BigInteger.valueOf(node.booleanValue() ? 1 : 0) : node.bigIntegerValue();
    }

    private static String pythonType(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> node.isIntegralNumber() ? "int" : "float";
            case STRING -> "str";
            case ARRAY -> "list";
            case OBJECT -> "dict";
            case BOOLEAN -> "bool";
            case NULL -> "NoneType";
            default -> "object";
        };
    }
}

package org.bftswarm.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Names a Java target type by its JSON type, so a decoding error tells the client what to send:
 * {@code string}, {@code number}, {@code whole number}, {@code array}, {@code object} or
 * {@code boolean}, never the Java class behind the field.
 */
final class JsonTypeNames {
    private JsonTypeNames() {}

    /** The JSON type a value of {@code type} is written as. */
    static String of(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "string";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == Byte.class
                || type == byte.class
                || type == BigInteger.class) {
            return "whole number";
        }
        if (Number.class.isAssignableFrom(type)
                || type == double.class
                || type == float.class
                || type == BigDecimal.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        return "a value";
    }
}

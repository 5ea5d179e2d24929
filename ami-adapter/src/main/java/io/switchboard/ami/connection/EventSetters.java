package io.switchboard.ami.connection;

import org.asteriskjava.manager.event.UserEvent;
import org.asteriskjava.util.AstUtil;
import org.asteriskjava.util.ReflectionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One event class's setters, found once per header name with the rules of Asterisk-Java's
 * {@code EventAttributesHelper} (the header name without what is not a lower-case letter or digit, {@code source}
 * as {@code src}, {@code class} as {@code clazz}, a plural setter for a map) and applied with its conversions
 * (Boolean by {@code AstUtil.isTrue}, String with the null literals of {@code AstUtil.isNull} and a list joined by
 * newlines,
 * {@code name=value} lines for a map, int, long and double). Setter types outside those, and CDR fields without a
 * setter, are left to the library. Where the library warns for every header without a setter, this logs once
 * per class and header at debug: Asterisk 20 sends many headers the classes lack. A setter is called through a
 * {@link MethodHandle} (no argument array per call, as {@code Method.invoke} makes).
 */
final class EventSetters {

    private static final Logger LOG = LoggerFactory.getLogger(EventSetters.class);

    private enum Kind { BOOLEAN, STRING, MAP, DOUBLE, LONG, INT, LIBRARY, NONE }

    private record Setter(MethodHandle method, Kind kind) {
    }

    private static final Setter NONE = new Setter(null, Kind.NONE);
    private static final Setter LIBRARY = new Setter(null, Kind.LIBRARY);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);
    /** {@code AstUtil}'s null literals; it lower-cases every value to look it up, these are compared in place. */
    private static final List<String> NULL_LITERALS = List.of("<unknown>", "unknown", "none", "<none>", "-none-",
            "(none)", "<not set>", "(not set)", "<no name>", "n/a", "<null>", "(null)");
    private static final int LONGEST_NULL_LITERAL = 9;
    private static final int MAX_HEADERS = 500;

    private final Class<?> eventClass;
    private final Map<String, Method> methods;
    private final Map<String, Setter> byHeader = new ConcurrentHashMap<>();

    EventSetters(Class<?> eventClass) {
        this.eventClass = eventClass;
        this.methods = ReflectionUtil.getSetters(eventClass);
    }

    /** Sets header {@code header} (lower-case) to {@code value} (a String or a list of them) on {@code event}. */
    void set(Object event, String header, Object value) {
        Setter setter = byHeader.get(header);
        if (setter == null) {
            setter = find(header);
            if (byHeader.size() < MAX_HEADERS) { // a peer making header names up is not remembered without end
                byHeader.put(header, setter);
            }
        }
        if (setter.kind == Kind.NONE) {
            return;
        }
        if (setter.kind == Kind.LIBRARY) {
            EventBeans.setByLibrary(event, header, value);
            return;
        }
        try {
            setter.method.invokeExact(event, convert(setter.kind, value));
        } catch (Throwable e) { // what the setter throws, as the library's Method.invoke would report it
            if (e instanceof Error error && !(e instanceof LinkageError)) {
                throw error;
            }
            LOG.error("Unable to set property '{}' on {}: {}", header, eventClass.getName(), AmiSample.of(e.toString()));
        }
    }

    private Setter find(String header) {
        String name = EventBeans.setterName(header);
        Method method = methods.get(name);
        if (method == null && !name.endsWith("s")) {
            method = methods.get(name + "s");
            if (method != null && !method.getParameterTypes()[0].isAssignableFrom(Map.class)) {
                method = null;
            }
        }
        if (method == null) {
            if (EventBeans.keepsUnknownHeaders(eventClass)) {
                return LIBRARY;
            }
            if (!UserEvent.class.isAssignableFrom(eventClass)) {
                LOG.debug("no setter for header '{}' on {} (logged once)", header, eventClass.getName());
            }
            return NONE;
        }
        Class<?> type = method.getParameterTypes()[0];
        Kind kind;
        if (type == Boolean.class) {
            kind = Kind.BOOLEAN;
        } else if (type.isAssignableFrom(String.class)) {
            kind = Kind.STRING;
        } else if (type.isAssignableFrom(Map.class)) {
            kind = Kind.MAP;
        } else if (type.isAssignableFrom(double.class) || type.isAssignableFrom(Double.class)) {
            kind = Kind.DOUBLE;
        } else if (type.isAssignableFrom(long.class) || type.isAssignableFrom(Long.class)) {
            kind = Kind.LONG;
        } else if (type.isAssignableFrom(int.class) || type.isAssignableFrom(Integer.class)) {
            kind = Kind.INT;
        } else {
            return LIBRARY;
        }
        try {
            return new Setter(MethodHandles.publicLookup().unreflect(method).asType(SETTER), kind);
        } catch (IllegalAccessException e) {
            return LIBRARY;
        }
    }

    private static Object convert(Kind kind, Object value) {
        return switch (kind) {
            case BOOLEAN -> AstUtil.isTrue(value);
            case STRING -> string(value);
            case MAP -> map(value);
            case DOUBLE -> empty(value) ? null : Double.parseDouble((String) value);
            case LONG -> empty(value) ? null : Long.parseLong((String) value);
            case INT -> empty(value) ? null : Integer.parseInt((String) value);
            case LIBRARY, NONE -> throw new IllegalStateException(kind.name());
        };
    }

    private static boolean empty(Object value) {
        return value == null || ((String) value).isEmpty();
    }

    private static Object string(Object value) {
        if (value == null || isNullLiteral(value)) {
            return null;
        }
        if (value instanceof List<?> list) {
            StringBuilder joined = new StringBuilder();
            for (Object line : list) {
                if (line != null && !((String) line).isEmpty()) {
                    joined.append(line).append('\n');
                }
            }
            return joined.toString();
        }
        return value;
    }

    /** {@code AstUtil.isNull} for a String, without a lower-cased copy of every value. */
    static boolean isNullLiteral(Object value) {
        if (!(value instanceof String text) || text.length() > LONGEST_NULL_LITERAL || text.isEmpty()) {
            return false;
        }
        for (String literal : NULL_LITERALS) {
            if (literal.equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> map(Object value) {
        if (value instanceof List<?> list) {
            Map<String, String> map = new LinkedHashMap<>();
            list.forEach(line -> entry(map, (String) line));
            return map;
        }
        if (value instanceof String line) {
            Map<String, String> map = new LinkedHashMap<>();
            entry(map, line);
            return map;
        }
        return null;
    }

    private static void entry(Map<String, String> map, String line) {
        int equals = line.indexOf('=');
        if (equals > 0) {
            map.put(line.substring(0, equals), line.substring(equals + 1));
        } else {
            LOG.warn("Malformed line for a map property (length {})", line.length());
        }
    }
}

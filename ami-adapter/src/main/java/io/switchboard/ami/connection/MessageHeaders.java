package io.switchboard.ami.connection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers of the AMI message being read, in the order they came: lower-case names from {@link HeaderNames},
 * trimmed values, and a name given again turned into a list of its values, as Asterisk-Java's reader keeps them
 * (Output lines, ChanVariable, an event list's repeated Event). Reused for every message; one reader thread.
 */
final class MessageHeaders {

    private String[] names = new String[32];
    private Object[] values = new Object[32];
    private int size;

    /** Adds a header; a name already present gets a list of its values. */
    @SuppressWarnings("unchecked")
    void add(String name, String value) {
        int at = indexOf(name);
        if (at >= 0) {
            Object current = values[at];
            if (current instanceof List<?> list) {
                ((List<String>) list).add(value);
            } else {
                List<String> list = new ArrayList<>(4);
                list.add((String) current);
                list.add(value);
                values[at] = list;
            }
            return;
        }
        if (size == names.length) {
            names = java.util.Arrays.copyOf(names, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    /** Sets a header, replacing what it had. */
    void put(String name, Object value) {
        int at = indexOf(name);
        if (at >= 0) {
            values[at] = value;
        } else {
            add(name, null);
            values[size - 1] = value;
        }
    }

    /** The value of {@code name} (a String or a list of them), or null. */
    Object get(String name) {
        int at = indexOf(name);
        return at < 0 ? null : values[at];
    }

    boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    int size() {
        return size;
    }

    String name(int index) {
        return names[index];
    }

    Object value(int index) {
        return values[index];
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** A map of the headers, for the library's builders. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            map.put(names[i], values[i]);
        }
        return map;
    }

    void clear() {
        java.util.Arrays.fill(names, 0, size, null);
        java.util.Arrays.fill(values, 0, size, null);
        size = 0;
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

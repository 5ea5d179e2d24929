package io.switchboard.sim.freeswitch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A readable difference between two keyed event lists: per key, the first differing event and its headers. */
final class EventDiff {

    private EventDiff() {
    }

    static String of(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        StringBuilder out = new StringBuilder();
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            List<String> e = expected.getOrDefault(key, List.of());
            List<String> a = actual.getOrDefault(key, List.of());
            if (e.equals(a)) {
                continue;
            }
            out.append("\n").append(key).append(": expected ").append(names(e)).append("\n   but was ").append(names(a));
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                if (!e.get(i).equals(a.get(i))) {
                    out.append("\n   #").append(i).append(' ').append(e.get(i).split(" ")[0]).append(headerDiff(e.get(i), a.get(i)));
                }
            }
        }
        return out.toString();
    }

    private static List<String> names(List<String> signatures) {
        return signatures.stream().map(s -> s.split(" ")[0]).toList();
    }

    private static String headerDiff(String expected, String actual) {
        List<String> e = headers(expected);
        List<String> a = headers(actual);
        List<String> missing = new ArrayList<>(e);
        missing.removeAll(a);
        List<String> extra = new ArrayList<>(a);
        extra.removeAll(e);
        String body = expected.contains(" body=") || actual.contains(" body=")
                ? " bodies: " + tail(expected) + " / " + tail(actual) : "";
        return " missing " + missing + " extra " + extra + (missing.isEmpty() && extra.isEmpty() ? " order: " + firstDifference(e, a) : "") + body;
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "at " + i + " expected " + expected.subList(i, Math.min(expected.size(), i + 4)) + " but was "
                        + actual.subList(i, Math.min(actual.size(), i + 4));
            }
        }
        return "-";
    }

    private static String tail(String signature) {
        int at = signature.indexOf(" body=");
        return at < 0 ? "-" : signature.substring(at);
    }

    private static List<String> headers(String signature) {
        int open = signature.indexOf('[');
        int close = signature.indexOf(']');
        return Arrays.asList(signature.substring(open + 1, close).split(", "));
    }
}

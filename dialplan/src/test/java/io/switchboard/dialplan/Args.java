package io.switchboard.dialplan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits dialplan application arguments the way Asterisk does: on a separator outside of
 * {@code ${...}}, {@code $[...]} and parentheses.
 */
final class Args {

    private Args() {
    }

    static List<String> split(String text, char separator) {
        return splitLimit(text, separator, Integer.MAX_VALUE);
    }

    static List<String> splitLimit(String text, int limit) {
        return splitLimit(text, ',', limit);
    }

    static List<String> splitLimit(String text, char separator, int limit) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == separator && depth == 0 && parts.size() < limit - 1) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Index of the last {@code separator} outside of brackets, or -1. */
    static int lastTopLevel(String text, char separator) {
        int depth = 0;
        int found = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == separator && depth == 0) {
                found = i;
            }
        }
        return found;
    }
}

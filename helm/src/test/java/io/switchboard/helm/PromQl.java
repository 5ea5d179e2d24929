package io.switchboard.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL reading for the dashboard test: which metrics an expression selects, by which labels. */
final class PromQl {

    /** One metric an expression reads, with the label names its matchers use. */
    record Selector(String metric, List<String> labels, String expr) {
    }

    private static final Pattern MATCHERS = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)\\}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private PromQl() {
    }

    static List<Selector> selectors(String expr) {
        List<Selector> selectors = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = MATCHERS.matcher(expr);
        int last = 0;
        while (m.find()) {
            List<String> labels = new ArrayList<>();
            Matcher label = MATCHER_LABEL.matcher(m.group(2).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
            while (label.find()) {
                labels.add(label.group(1));
            }
            if (m.group(1) != null) {
                selectors.add(new Selector(m.group(1), labels, expr));
            }
            rest.append(expr, last, m.start()).append(' ');
            last = m.end();
        }
        rest.append(expr.substring(last));
        String bare = GROUPING.matcher(rest.toString().replaceAll("\\[[^]]*]", " ")).replaceAll(" ");
        Matcher id = IDENTIFIER.matcher(bare);
        while (id.find()) {
            boolean call = bare.substring(id.end()).matches("(?s)\\s*\\(.*");
            if (!call && !KEYWORDS.contains(id.group().toLowerCase()) && !id.group().startsWith("$")) {
                selectors.add(new Selector(id.group(), List.of(), expr));
            }
        }
        return selectors;
    }

    static List<String> groupingLabels(String expr) {
        List<String> labels = new ArrayList<>();
        Matcher m = GROUPING.matcher(expr);
        while (m.find()) {
            for (String label : m.group(2).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.trim());
                }
            }
        }
        return labels;
    }

    /** {@code label_values(metric{...}, label)} as the selector it reads plus the label as a grouping. */
    static String labelValuesSelector(String query) {
        Matcher m = LABEL_VALUES.matcher(query);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a label_values query: " + query);
        }
        return "max by (" + m.group(2) + ") (" + m.group(1) + ")";
    }
}

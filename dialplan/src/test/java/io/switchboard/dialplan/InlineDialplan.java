package io.switchboard.dialplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreeSWITCH's inline dialplan ({@code uuid_transfer <uuid> 'app:arg,app:arg' inline}) splits on
 * commas before it looks at an application, so an argument with a comma becomes an unknown
 * application and the channel is hung up with DESTINATION_OUT_OF_ORDER (fixture Quirk 18). The
 * {@code m:<d>:} prefix chooses another delimiter.
 */
final class InlineDialplan {

    private static final Pattern DELIMITER = Pattern.compile("^m:(.):(.*)$", Pattern.DOTALL);
    private static final Pattern STEP = Pattern.compile("^([a-z_][a-z0-9_]*)(?::(.*))?$", Pattern.DOTALL);

    private InlineDialplan() {
    }

    /** What breaks in {@code steps} (the part before {@code inline}); empty when every step is a known application. */
    static List<String> problems(String steps, Set<String> applications) {
        String body = steps.strip();
        String delimiter = ",";
        Matcher m = DELIMITER.matcher(body);
        if (m.matches()) {
            delimiter = m.group(1);
            body = m.group(2);
        }
        List<String> problems = new ArrayList<>();
        for (String step : body.split(Pattern.quote(delimiter), -1)) {
            Matcher s = STEP.matcher(step.strip());
            if (!s.matches()) {
                problems.add("'" + step + "' is not app or app:arg (a comma inside an argument?)");
            } else if (!applications.contains(s.group(1))) {
                problems.add("'" + s.group(1) + "' is not a known application (a comma inside an argument?)");
            }
        }
        return problems;
    }

    /** The steps of a {@code transfer} argument or an ESL {@code uuid_transfer} command that ends in {@code inline}, else null. */
    static String stepsOf(String transfer) {
        String t = transfer.strip();
        if (t.startsWith("uuid_transfer ")) {
            String[] parts = t.split("\\s+", 3);
            t = parts.length == 3 ? parts[2] : "";
        }
        if (!t.endsWith(" inline")) {
            return null;
        }
        String steps = t.substring(0, t.length() - " inline".length()).strip();
        if (steps.length() > 1 && steps.startsWith("'") && steps.endsWith("'")) {
            steps = steps.substring(1, steps.length() - 1);
        }
        return steps;
    }
}

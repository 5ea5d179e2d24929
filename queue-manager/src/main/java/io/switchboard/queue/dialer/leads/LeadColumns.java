package io.switchboard.queue.dialer.leads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of a lead file, from its header row. {@code phone} is required; the known columns are
 * {@code first_name}, {@code last_name}, {@code email}, {@code time_zone}, {@code state} (or {@code region},
 * {@code province}), {@code postcode} (or {@code zip}, {@code postal_code}), {@code priority} and
 * {@code external_ref}; a custom field is any column named {@code attr_} and a name of lower-case letters,
 * digits and underscores. Names are matched without regard to case or surrounding spaces. Any other column is
 * refused by name: a column nobody reads is usually a misspelt one ({@code phnoe}), and it would be silently lost.
 */
final class LeadColumns {

    static final String PHONE = "phone";
    static final String TIME_ZONE = "time_zone";
    static final String STATE = "state";
    static final String POSTCODE = "postcode";
    static final String PRIORITY = "priority";
    static final String EXTERNAL_REF = "external_ref";
    static final String EMAIL = "email";
    static final List<String> ATTRIBUTES = List.of("first_name", "last_name", EMAIL);

    private static final String CUSTOM_PREFIX = "attr_";
    private static final Pattern CUSTOM = Pattern.compile("attr_[a-z0-9_]{1,60}");
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry(PHONE, PHONE), Map.entry("first_name", "first_name"), Map.entry("last_name", "last_name"),
            Map.entry(EMAIL, EMAIL), Map.entry(TIME_ZONE, TIME_ZONE), Map.entry(STATE, STATE),
            Map.entry("region", STATE), Map.entry("province", STATE), Map.entry(POSTCODE, POSTCODE),
            Map.entry("zip", POSTCODE), Map.entry("postal_code", POSTCODE), Map.entry(PRIORITY, PRIORITY),
            Map.entry(EXTERNAL_REF, EXTERNAL_REF));

    private final List<String> header;
    private final Map<String, Integer> known;
    private final Map<String, Integer> custom;

    private LeadColumns(List<String> header, Map<String, Integer> known, Map<String, Integer> custom) {
        this.header = List.copyOf(header);
        this.known = Map.copyOf(known);
        this.custom = Map.copyOf(custom);
    }

    /** Reads the header row (row 1); refuses it naming every unknown, duplicate or empty column. */
    static LeadColumns of(List<String> headerRow) throws FileRefusedException {
        List<String> names = headerRow.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> known = new LinkedHashMap<>();
        Map<String, Integer> custom = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw refused("column-empty", "column " + (i + 1) + " has no name");
            }
            String canonical = name.startsWith(CUSTOM_PREFIX) && CUSTOM.matcher(name).matches() ? name
                    : KNOWN.get(name);
            if (canonical == null) {
                unknown.add(headerRow.get(i).trim());
                continue;
            }
            Map<String, Integer> target = canonical.startsWith(CUSTOM_PREFIX) ? custom : known;
            if (target.putIfAbsent(canonical, i) != null) {
                throw refused("column-duplicate", "column '" + headerRow.get(i).trim() + "' repeats '" + canonical
                        + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw refused("column-unknown", "unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList())
                    + "; known: " + String.join(", ", KNOWN.keySet().stream().sorted().toList())
                    + ", and attr_<name> for a custom field");
        }
        if (!known.containsKey(PHONE)) {
            throw refused("phone-column-missing", "the header has no 'phone' column");
        }
        return new LeadColumns(headerRow, known, custom);
    }

    /** How many fields each row must have. */
    int width() {
        return header.size();
    }

    /** The header's own spelling of column {@code canonical}, for messages. */
    String named(String canonical) {
        Integer index = known.containsKey(canonical) ? known.get(canonical) : custom.get(canonical);
        return index == null ? canonical : header.get(index).trim();
    }

    /** The trimmed value of known column {@code canonical} in {@code row}, blank when the file lacks it. */
    String value(List<String> row, String canonical) {
        Integer index = known.get(canonical);
        return index == null ? "" : row.get(index).trim();
    }

    /** The attributes of {@code row} that have a value: names, email and custom columns, by canonical name. */
    Map<String, String> attributes(List<String> row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : ATTRIBUTES) {
            Optional.of(value(row, name)).filter(v -> !v.isEmpty()).ifPresent(v -> values.put(name, v));
        }
        custom.forEach((name, index) -> {
            String v = row.get(index).trim();
            if (!v.isEmpty()) {
                values.put(name, v);
            }
        });
        return values;
    }

    private static FileRefusedException refused(String errorId, String message) {
        return new FileRefusedException(FileRefused.atRow(errorId, 1, "row 1 (header): " + message));
    }
}

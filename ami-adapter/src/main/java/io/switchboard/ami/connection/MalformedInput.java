package io.switchboard.ami.connection;

import io.switchboard.core.id.PbxId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What came off one PBX's AMI socket that Asterisk-Java skips without a word: counted by kind, across
 * reconnects, and logged once per kind with a short masked sample. Nothing here drops the connection.
 *
 * <p>Kinds (stable slugs, for a metric label):
 * <ul>
 *   <li>{@value #LINE_WITHOUT_COLON}: a line inside a message that is not {@code Name: value}; the line is
 *       ignored, the rest of the message is still read.</li>
 *   <li>{@value #NEITHER_EVENT_NOR_RESPONSE}: a message with neither an {@code Event} nor a {@code Response}
 *       header; dropped.</li>
 *   <li>{@value #RESPONSE_WITHOUT_ACTION_ID}: a {@code Response} without {@code ActionID}, which no action
 *       waits for; dropped.</li>
 *   <li>{@code unknown-event:<Name>} (UserEvents as {@code unknown-event:UserEvent/<Name>}): an event
 *       Asterisk-Java has no class for, which it drops before translation; at most {@value #MAX_EVENT_KINDS}
 *       names, then {@code unknown-event:other}.</li>
 * </ul>
 */
public final class MalformedInput {

    /** A line inside a message that is not {@code Name: value}. */
    public static final String LINE_WITHOUT_COLON = "line-without-colon";
    /** A message with neither {@code Event} nor {@code Response}. */
    public static final String NEITHER_EVENT_NOR_RESPONSE = "neither-event-nor-response";
    /** A {@code Response} without {@code ActionID}. */
    public static final String RESPONSE_WITHOUT_ACTION_ID = "response-without-actionid";
    /** Prefix of the kinds for events Asterisk-Java has no class for. */
    public static final String UNKNOWN_EVENT = "unknown-event:";

    static final int MAX_EVENT_KINDS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(MalformedInput.class);

    private final PbxId pbx;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts for {@code pbx}, the id its log lines carry. */
    public MalformedInput(PbxId pbx) {
        this.pbx = Objects.requireNonNull(pbx, "pbx");
    }

    /** How many of each kind were skipped since the start, by kind. */
    public Map<String, Long> byKind() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    /** All kinds together. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** An unknown event named {@code name}, with the message it came in. */
    void unknownEvent(String name, String message) {
        String kind = UNKNOWN_EVENT + name;
        if (!counts.containsKey(kind) && counts.keySet().stream().filter(k -> k.startsWith(UNKNOWN_EVENT)).count()
                >= MAX_EVENT_KINDS) {
            kind = UNKNOWN_EVENT + "other";
        }
        skipped(kind, message);
    }

    /** One skipped piece of input of {@code kind}; the first of each kind is logged with a masked sample. */
    void skipped(String kind, String sample) {
        LongAdder count = counts.get(kind);
        if (count == null) {
            LongAdder fresh = new LongAdder();
            count = counts.putIfAbsent(kind, fresh);
            if (count == null) {
                count = fresh;
                LOG.warn("event=ami-input-skipped pbx={} kind={} sample=\"{}\" (logged once per kind; counted in "
                        + "MalformedInput)", pbx, kind, AmiSample.of(masked(sample)));
            }
        }
        count.increment();
    }

    /** Values of headers that might carry a secret are replaced before the sample is cut and its digits masked. */
    private static String masked(String text) {
        return text.replaceAll("(?im)^((?:secret|key|password|challenge)\\s*:\\s*)\\S.*$", "$1****");
    }
}

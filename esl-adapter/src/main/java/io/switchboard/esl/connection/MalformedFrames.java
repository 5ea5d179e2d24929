package io.switchboard.esl.connection;

import io.switchboard.core.id.PbxId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Input from one FreeSWITCH's event socket that was skipped: counted by kind across reconnects, and logged
 * once per kind with a short masked sample. Nothing here drops the connection.
 *
 * <p>Kinds (stable slugs, for a metric label): the framing kinds of
 * {@link io.switchboard.esl.wire.EslFrameDecoder} ({@code line-without-colon}, {@code bad-content-length},
 * {@code oversized-headers}), the event kinds of {@link io.switchboard.esl.wire.EslEventDecoder}
 * ({@code bad-json-event}, {@code event-without-name}), and {@value #UNEXPECTED_REPLY},
 * {@value #UNTRANSLATABLE_EVENT} and {@code unknown-content-type:<type>} from here.
 */
public final class MalformedFrames {

    /** A {@code command/reply} or {@code api/response} that no command waits for. */
    public static final String UNEXPECTED_REPLY = "unexpected-reply";
    /** An event the translator threw on (a bug, or input it did not expect). */
    public static final String UNTRANSLATABLE_EVENT = "untranslatable-event";
    /** Prefix of the kinds for a {@code Content-Type} Switchboard does not read. */
    public static final String UNKNOWN_CONTENT_TYPE = "unknown-content-type:";

    private static final Logger LOG = LoggerFactory.getLogger(MalformedFrames.class);
    private static final int MAX_SAMPLE = 200;
    static final int MAX_KINDS = 50;

    private final PbxId pbx;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts for {@code pbx}, the id its log lines carry. */
    public MalformedFrames(PbxId pbx) {
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

    /** One skipped piece of input of {@code kind}; the first of each kind is logged with a masked sample. */
    void skipped(String kind, String sample) {
        String counted = counts.containsKey(kind) || counts.size() < MAX_KINDS ? kind : "other";
        LongAdder count = counts.get(counted);
        if (count == null) {
            LongAdder fresh = new LongAdder();
            count = counts.putIfAbsent(counted, fresh);
            if (count == null) {
                count = fresh;
                LOG.warn("event=esl-input-skipped pbx={} kind={} sample=\"{}\" (logged once per kind; counted in "
                        + "MalformedFrames)", pbx, counted, sample(sample));
            }
        }
        count.increment();
    }

    /**
     * A log-safe sample: an {@code auth} line's password masked, cut to length, digit runs of phone-number
     * size shortened to their last 2, line breaks shown as {@code \n}.
     */
    static String sample(String text) {
        String masked = text.replaceAll("(?im)^(auth|userauth)\\s+\\S.*$", "$1 ****");
        String cut = masked.length() > MAX_SAMPLE ? masked.substring(0, MAX_SAMPLE) + "..." : masked;
        return cut.replaceAll("\\d{4,}(\\d{2})(?!\\d)", "****$1").replace("\r", "\\r").replace("\n", "\\n");
    }
}

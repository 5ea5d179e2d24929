package io.switchboard.sim.freeswitch;

import io.switchboard.sim.esl.EslHeader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The headers every event starts with: name, core, host, dates, calling site, sequence. */
final class CoreHeaders {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    final String coreUuid = UUID.randomUUID().toString();
    private final Clock clock;
    private long sequence = 400;

    CoreHeaders(Clock clock) {
        this.clock = clock;
    }

    long micros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    Instant now() {
        return clock.instant();
    }

    List<EslHeader> start(String eventName, CallingSite site) {
        Instant now = clock.instant();
        List<EslHeader> h = new ArrayList<>(128);
        h.add(new EslHeader("Event-Name", eventName));
        h.add(new EslHeader("Core-UUID", coreUuid));
        h.add(new EslHeader("FreeSWITCH-Hostname", "vm"));
        h.add(new EslHeader("FreeSWITCH-Switchname", "vm"));
        h.add(new EslHeader("FreeSWITCH-IPv4", "192.0.2.2"));
        h.add(new EslHeader("FreeSWITCH-IPv6", "fd00::2"));
        h.add(new EslHeader("Event-Date-Local", LOCAL.format(now)));
        h.add(new EslHeader("Event-Date-GMT", GMT.format(now)));
        h.add(new EslHeader("Event-Date-Timestamp", Long.toString(micros())));
        h.add(new EslHeader("Event-Calling-File", site.file()));
        h.add(new EslHeader("Event-Calling-Function", site.function()));
        h.add(new EslHeader("Event-Calling-Line-Number", Integer.toString(site.line())));
        h.add(new EslHeader("Event-Sequence", Long.toString(++sequence)));
        return h;
    }

    /** A CUSTOM event's start: {@code Event-Subclass} comes first, before {@code Event-Name} (fixture 09). */
    List<EslHeader> startCustom(String subclass, CallingSite site) {
        List<EslHeader> h = start("CUSTOM", site);
        h.add(0, new EslHeader("Event-Subclass", subclass));
        return h;
    }

    String stamp() {
        return LOCAL.format(clock.instant());
    }
}

package io.switchboard.sim.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An AMI message: ordered header lines ended by a blank line. Actions, responses and events all
 * have this shape. Headers keep their order and duplicates: dialplan UserEvents repeat
 * {@code CallerIDNum}, {@code Uniqueid}, {@code Channel} and {@code Linkedid}, and actions repeat
 * {@code Variable}.
 *
 * @param headers the header lines in wire order
 */
public record AmiMessage(List<AmiHeader> headers) implements AmiFrame {

    /** Freezes the header list; a message needs at least one header. */
    public AmiMessage {
        headers = List.copyOf(headers);
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("an AMI message needs at least one header");
        }
    }

    /** Builds a message from alternating names and values: {@code of("Response", "Success")}. */
    public static AmiMessage of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        List<AmiHeader> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(new AmiHeader(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new AmiMessage(headers);
    }

    /** The value of the first header with this name (case-insensitive). */
    public Optional<String> first(String name) {
        for (AmiHeader header : headers) { // a loop, not a stream: every event is asked this several times
            if (header.is(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** The values of every header with this name, in order. */
    public List<String> all(String name) {
        return headers.stream().filter(h -> h.is(name)).map(AmiHeader::value).toList();
    }

    /**
     * The event name, if this is an event. Checked before {@link #response()}: an
     * {@code OriginateResponse} event also carries a {@code Response:} header.
     */
    public Optional<String> event() {
        return first("Event");
    }

    /** The response status ({@code Success}, {@code Error}, {@code Goodbye}) if this is a response. */
    public Optional<String> response() {
        return event().isPresent() ? Optional.empty() : first("Response");
    }

    /** The {@code ActionID} that ties a response or event to the action that caused it. */
    public Optional<String> actionId() {
        return first("ActionID");
    }

    /** A copy with one more header at the end. */
    public AmiMessage with(String name, String value) {
        List<AmiHeader> more = new ArrayList<>(headers);
        more.add(new AmiHeader(name, value));
        return new AmiMessage(more);
    }

    @Override
    public byte[] encode() {
        StringBuilder text = new StringBuilder(32 * headers.size() + 2);
        for (AmiHeader header : headers) {
            text.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}

package io.switchboard.sim.ami;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The greeting Asterisk writes as soon as a client connects, e.g. {@code Asterisk Call
 * Manager/9.0.0}: one CRLF-terminated line with no blank line after it. The version is the AMI
 * protocol version, not the Asterisk release (Asterisk 20.20.1 says 9.0.0).
 *
 * @param product the text before the slash, {@code Asterisk Call Manager}
 * @param protocolVersion the text after the slash, {@code 9.0.0}
 */
public record AmiBanner(String product, String protocolVersion) implements AmiFrame {

    /** The product name every Asterisk since 1.0 puts in its banner. */
    public static final String ASTERISK_CALL_MANAGER = "Asterisk Call Manager";

    /** Rejects nulls and line breaks. */
    public AmiBanner {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        if ((product + protocolVersion).chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("banner must be one line");
        }
    }

    /** The banner Asterisk 20 sends. */
    public static AmiBanner asterisk20() {
        return new AmiBanner(ASTERISK_CALL_MANAGER, "9.0.0");
    }

    /** Parses a banner line without its line ending; empty if there is no {@code /}. */
    public static Optional<AmiBanner> parse(String line) {
        int slash = line.lastIndexOf('/');
        if (slash <= 0 || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            return Optional.empty();
        }
        return Optional.of(new AmiBanner(line.substring(0, slash), line.substring(slash + 1)));
    }

    @Override
    public byte[] encode() {
        return (product + "/" + protocolVersion + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}

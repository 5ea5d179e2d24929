package io.switchboard.ami;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A three-part version Asterisk reports about itself. Asterisk reports two different numbers, so
 * each value says which one it is: the AMI banner carries the AMI protocol version (Asterisk
 * 20.20.1 greets with {@code Asterisk Call Manager/9.0.0}), and {@code core show version}, sent as
 * the AMI {@code Command} action, answers with the release in one {@code Output:} line.
 *
 * @param kind which number this is
 * @param major first part
 * @param minor second part
 * @param patch third part
 */
public record AsteriskVersion(Kind kind, int major, int minor, int patch) implements Comparable<AsteriskVersion> {

    private static final Pattern BANNER = Pattern.compile("^Asterisk Call Manager/(\\d+)\\.(\\d+)\\.(\\d+)\\s*$");
    private static final Pattern CORE_SHOW_VERSION = Pattern.compile("^(?:Output: )?Asterisk (\\d+)\\.(\\d+)\\.(\\d+)\\b.*");

    /** What an {@link AsteriskVersion} numbers. */
    public enum Kind {
        /** The AMI protocol version from the greeting banner, e.g. 9.0.0 on Asterisk 20. */
        AMI_PROTOCOL,
        /** The Asterisk release from {@code core show version}, e.g. 20.20.1. */
        RELEASE
    }

    /** Rejects negative parts. */
    public AsteriskVersion {
        Objects.requireNonNull(kind, "kind");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version parts must not be negative");
        }
    }

    /** Parses the banner line, with or without its CRLF; empty if it is not an AMI banner. */
    public static Optional<AsteriskVersion> fromBanner(String bannerLine) {
        return match(BANNER, bannerLine, Kind.AMI_PROTOCOL);
    }

    /**
     * Parses the release from the output of {@code core show version}: the {@code Output:} header
     * value ({@code Asterisk 20.20.1 built by root @ vm ...}) or the whole header line.
     */
    public static Optional<AsteriskVersion> fromCoreShowVersion(String output) {
        return match(CORE_SHOW_VERSION, output.strip(), Kind.RELEASE);
    }

    /** True if this version is at least {@code major.minor}. */
    public boolean isAtLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    /**
     * Orders versions of the same kind.
     *
     * @throws IllegalArgumentException if the kinds differ: a protocol version is not a release
     */
    @Override
    public int compareTo(AsteriskVersion other) {
        if (kind != other.kind) {
            throw new IllegalArgumentException("cannot compare " + kind + " " + this + " with " + other.kind + " " + other);
        }
        int byMajor = Integer.compare(major, other.major);
        int byMinor = byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    /** The dotted form, e.g. {@code 9.0.0}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }

    private static Optional<AsteriskVersion> match(Pattern pattern, String text, Kind kind) {
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AsteriskVersion(kind, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}

package io.switchboard.sim.esl;

/** The encoding a client asks for with {@code event <format> ...}. */
public enum EventFormat {
    /** {@code event plain}: events as {@code text/event-plain}, URL-encoded header lines. */
    PLAIN,
    /** {@code event json}: events as {@code text/event-json}, one JSON object of strings. */
    JSON,
    /** {@code event xml}: events as {@code text/event-xml}; not simulated yet. */
    XML
}

package io.switchboard.sim.esl;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the frames a FreeSWITCH 1.10 event socket writes, headers in the recorded order. */
public final class EslFrames {

    /** The notice FreeSWITCH sends after {@code exit} or a failed {@code auth}. */
    public static final String GOODBYE = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    /** The notice every subscriber gets when FreeSWITCH shuts down. */
    public static final String SHUTTING_DOWN = "The system is being shut down.\n";

    private EslFrames() {
    }

    /** The greeting: {@code Content-Type: auth/request}. */
    public static EslFrame authRequest() {
        return new EslFrame(List.of(new EslHeader("Content-Type", "auth/request")), new byte[0]);
    }

    /** A {@code command/reply} such as {@code +OK accepted} or {@code -ERR invalid}. */
    public static EslFrame commandReply(String replyText) {
        return new EslFrame(List.of(contentType("command/reply"), new EslHeader("Reply-Text", replyText)), new byte[0]);
    }

    /** The reply to {@code bgapi}: {@code Reply-Text: +OK Job-UUID: <id>} plus a separate {@code Job-UUID} header. */
    public static EslFrame bgapiAccepted(String jobUuid) {
        return new EslFrame(List.of(contentType("command/reply"),
                new EslHeader("Reply-Text", "+OK Job-UUID: " + jobUuid),
                new EslHeader("Job-UUID", jobUuid)), new byte[0]);
    }

    /** An {@code api/response}; the body is written as given (some end with LF, some do not). */
    public static EslFrame apiResponse(String body) {
        return contentTypeFirst("api/response", body);
    }

    /** A {@code text/disconnect-notice}, e.g. {@link #GOODBYE}; FreeSWITCH closes the socket after it. */
    public static EslFrame disconnectNotice(String text) {
        return contentTypeFirst("text/disconnect-notice", text);
    }

    /** A {@code text/event-plain} frame around an event. */
    public static EslFrame eventPlain(PlainEventBody event) {
        return lengthFirst("text/event-plain", event.encode());
    }

    /** A {@code text/event-json} frame around a JSON object (no trailing newline, as on the wire). */
    public static EslFrame eventJson(String json) {
        return lengthFirst("text/event-json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A {@code log/data} frame (after {@code log <level>}, Quirk 7): Content-Type, Content-Length,
     * Log-Level, Text-Channel, Log-File, Log-Func, Log-Line, User-Data (the channel uuid); the body is
     * the log line.
     */
    public static EslFrame logData(int level, int textChannel, String file, String function, int line, String uuid,
            String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new EslFrame(List.of(contentType("log/data"), contentLength(bytes),
                new EslHeader("Log-Level", Integer.toString(level)),
                new EslHeader("Text-Channel", Integer.toString(textChannel)),
                new EslHeader("Log-File", file), new EslHeader("Log-Func", function),
                new EslHeader("Log-Line", Integer.toString(line)), new EslHeader("User-Data", uuid)), bytes);
    }

    private static EslFrame contentTypeFirst(String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new EslFrame(List.of(contentType(type), contentLength(bytes)), bytes);
    }

    private static EslFrame lengthFirst(String type, byte[] body) {
        return new EslFrame(List.of(contentLength(body), contentType(type)), body);
    }

    private static EslHeader contentType(String type) {
        return new EslHeader("Content-Type", type);
    }

    private static EslHeader contentLength(byte[] body) {
        return new EslHeader("Content-Length", Integer.toString(body.length));
    }
}

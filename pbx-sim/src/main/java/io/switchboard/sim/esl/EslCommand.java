package io.switchboard.sim.esl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A command an ESL client writes: a command line, optional header lines, a blank line, and for
 * {@code sendmsg} an optional body sized by {@code content-length}. {@link #encode()} gives the
 * bytes a client writes, so the simulator's tests can act as the client.
 */
public sealed interface EslCommand {

    /** The exact bytes of this command on the wire. */
    byte[] encode();

    /** {@code auth <password>}: the first command on an inbound connection. @param password the password */
    record Auth(String password) implements EslCommand {
        @Override
        public byte[] encode() {
            return write("auth " + password, List.of(), "");
        }
    }

    /** {@code api <command> [args]}: run a FreeSWITCH API command and wait for {@code api/response}. @param command the API command line, e.g. {@code uuid_kill <uuid> NORMAL_CLEARING} */
    record Api(String command) implements EslCommand {
        @Override
        public byte[] encode() {
            return write("api " + command, List.of(), "");
        }
    }

    /**
     * {@code bgapi <command>}: run an API command in the background; the result arrives as a
     * BACKGROUND_JOB event.
     *
     * @param command the API command line
     * @param jobUuid the client-chosen {@code Job-UUID:} header, if sent
     */
    record BgApi(String command, Optional<String> jobUuid) implements EslCommand {
        @Override
        public byte[] encode() {
            return write("bgapi " + command, jobUuid.map(id -> List.of(new EslHeader("Job-UUID", id))).orElse(List.of()), "");
        }
    }

    /**
     * {@code event <format> <names...>}: subscribe to events.
     *
     * @param format the requested encoding
     * @param names event names, {@code ALL}, or {@code CUSTOM} followed by subclasses
     */
    record Event(EventFormat format, List<String> names) implements EslCommand {
        /** Freezes the names. */
        public Event {
            names = List.copyOf(names);
        }

        @Override
        public byte[] encode() {
            return write("event " + format.name().toLowerCase(Locale.ROOT) + " " + String.join(" ", names), List.of(), "");
        }
    }

    /** {@code filter <header> <value>}: only pass events whose header matches. @param header the header name @param value the value to match */
    record Filter(String header, String value) implements EslCommand {
        @Override
        public byte[] encode() {
            return write("filter " + header + " " + value, List.of(), "");
        }
    }

    /** {@code filter delete <header> [value]}: remove a filter. @param header the header name @param value the value, empty to remove all for that header */
    record FilterDelete(String header, String value) implements EslCommand {
        @Override
        public byte[] encode() {
            return write("filter delete " + header + (value.isEmpty() ? "" : " " + value), List.of(), "");
        }
    }

    /**
     * {@code sendmsg [uuid]}: control a channel ({@code call-command: execute|hangup|...}).
     *
     * @param uuid the target channel; empty on an outbound socket's own channel
     * @param headers the message headers in order, {@code content-length} included if sent
     * @param body the body, empty if none
     */
    record SendMsg(Optional<String> uuid, List<EslHeader> headers, String body) implements EslCommand {
        /** Freezes the headers. */
        public SendMsg {
            headers = List.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        /** The first header with this name, ignoring case. */
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.is(name)).map(EslHeader::value).findFirst();
        }

        @Override
        public byte[] encode() {
            return write("sendmsg" + uuid.map(u -> " " + u).orElse(""), headers, body);
        }
    }

    /** {@code log [level]}: receive {@code log/data} frames. @param level the level as sent, empty for the default */
    record Log(Optional<String> level) implements EslCommand {
        @Override
        public byte[] encode() {
            return write("log" + level.map(l -> " " + l).orElse(""), List.of(), "");
        }
    }

    /** {@code nolog}: stop {@code log/data} frames. */
    record NoLog() implements EslCommand {
        @Override
        public byte[] encode() {
            return write("nolog", List.of(), "");
        }
    }

    /** {@code noevents}: drop every event subscription. */
    record NoEvents() implements EslCommand {
        @Override
        public byte[] encode() {
            return write("noevents", List.of(), "");
        }
    }

    /** {@code exit}: FreeSWITCH replies {@code +OK bye}, sends a disconnect notice and closes. */
    record Exit() implements EslCommand {
        @Override
        public byte[] encode() {
            return write("exit", List.of(), "");
        }
    }

    /**
     * Any other command line; FreeSWITCH answers an unknown one with {@code -ERR command not found}.
     *
     * @param line the command line as sent
     * @param headers header lines that followed it
     */
    record Other(String line, List<EslHeader> headers) implements EslCommand {
        /** Freezes the headers. */
        public Other {
            headers = List.copyOf(headers);
        }

        @Override
        public byte[] encode() {
            return write(line, headers, "");
        }
    }

    private static byte[] write(String commandLine, List<EslHeader> headers, String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((commandLine + "\n").getBytes(StandardCharsets.UTF_8));
        headers.forEach(h -> out.writeBytes((h.name() + ": " + h.value() + "\n").getBytes(StandardCharsets.UTF_8)));
        out.write('\n');
        out.writeBytes(body.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}

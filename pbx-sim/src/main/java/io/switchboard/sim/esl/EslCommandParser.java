package io.switchboard.sim.esl;

import io.switchboard.sim.wire.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a command line, its headers and body into an {@link EslCommand}. */
final class EslCommandParser {

    private EslCommandParser() {
    }

    static Decoded<EslCommand> parse(String line, List<EslHeader> headers, byte[] body, byte[] raw) {
        String word = firstWord(line).toLowerCase(Locale.ROOT);
        String rest = line.length() > word.length() ? line.substring(word.length()).trim() : "";
        switch (word) {
            case "auth":
                return rest.isEmpty() ? bad("auth without a password", raw) : ok(new EslCommand.Auth(rest));
            case "api":
                return rest.isEmpty() ? bad("api without a command", raw) : ok(new EslCommand.Api(rest));
            case "bgapi":
                return rest.isEmpty() ? bad("bgapi without a command", raw)
                        : ok(new EslCommand.BgApi(rest, first(headers, "Job-UUID")));
            case "event":
                return event(rest, raw);
            case "filter":
                return filter(rest, raw);
            case "sendmsg":
                return ok(new EslCommand.SendMsg(rest.isEmpty() ? Optional.empty() : Optional.of(rest), headers,
                        new String(body, StandardCharsets.UTF_8)));
            case "log":
                return ok(new EslCommand.Log(rest.isEmpty() ? Optional.empty() : Optional.of(rest)));
            case "nolog":
                return ok(new EslCommand.NoLog());
            case "noevents":
                return ok(new EslCommand.NoEvents());
            case "exit":
                return ok(new EslCommand.Exit());
            default:
                return ok(new EslCommand.Other(line, headers));
        }
    }

    private static Decoded<EslCommand> event(String rest, byte[] raw) {
        List<String> words = Arrays.asList(rest.split(" +"));
        if (rest.isEmpty()) {
            return bad("event without event names", raw);
        }
        for (EventFormat format : EventFormat.values()) {
            if (format.name().equalsIgnoreCase(words.get(0))) {
                return words.size() < 2 ? bad("event " + words.get(0) + " without event names", raw)
                        : ok(new EslCommand.Event(format, words.subList(1, words.size())));
            }
        }
        return ok(new EslCommand.Event(EventFormat.PLAIN, words));
    }

    private static Decoded<EslCommand> filter(String rest, byte[] raw) {
        boolean delete = firstWord(rest).equalsIgnoreCase("delete");
        String args = delete ? rest.substring("delete".length()).trim() : rest;
        String header = firstWord(args);
        String value = args.substring(header.length()).trim();
        if (header.isEmpty() || (!delete && value.isEmpty())) {
            return bad("filter needs a header and a value", raw);
        }
        return ok(delete ? new EslCommand.FilterDelete(header, value) : new EslCommand.Filter(header, value));
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static Optional<String> first(List<EslHeader> headers, String name) {
        return headers.stream().filter(h -> h.is(name)).map(EslHeader::value).findFirst();
    }

    private static Decoded<EslCommand> ok(EslCommand command) {
        return Decoded.ok(command);
    }

    private static Decoded<EslCommand> bad(String reason, byte[] raw) {
        return Decoded.malformed(reason, raw);
    }
}

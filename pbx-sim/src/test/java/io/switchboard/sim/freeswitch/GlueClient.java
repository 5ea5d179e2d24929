package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.esl.EslCommand;
import io.switchboard.sim.esl.EslFrame;
import io.switchboard.sim.esl.EventFormat;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A raw ESL client subscribed to every event, for the glue tests: {@link #api} waits for its reply
 * and keeps the events that came before it; {@link #until} reads events up to one whose label
 * ({@code Event-Name}, or the subclass of a CUSTOM event) is the one asked for.
 */
final class GlueClient implements AutoCloseable {

    private final EslTestClient client;
    private final Deque<EventView> pending = new ArrayDeque<>();

    GlueClient(FreeswitchSimulator sim, EventFormat format) throws IOException {
        this(sim, format, List.of("ALL"));
    }

    /** Subscribed to {@code names} only, e.g. {@code CHANNEL_HANGUP CUSTOM switchboard::inbound_call}. */
    GlueClient(FreeswitchSimulator sim, EventFormat format, List<String> names) throws IOException {
        client = new EslTestClient(sim.port());
        assertThat(client.frame().contentType()).contains("auth/request");
        client.send(new EslCommand.Auth("ClueCon"));
        assertThat(client.frame().header("Reply-Text")).contains("+OK accepted");
        client.send(new EslCommand.Event(format, names));
        assertThat(client.frame().header("Reply-Text")).isPresent();
    }

    static String label(EventView e) {
        return e.name().equals("CUSTOM") ? e.header("Event-Subclass").orElse("CUSTOM") : e.name();
    }

    /** {@code api <command>}: its body. */
    String api(String command) throws IOException {
        client.send(new EslCommand.Api(command));
        while (true) {
            EslFrame frame = client.frame();
            if (frame.contentType().orElse("").equals("api/response")) {
                return frame.bodyText();
            }
            EventView.of(frame).ifPresent(pending::add);
        }
    }

    /** {@code bgapi <command>}: the command reply is skipped. */
    void bgapi(String command) throws IOException {
        client.send(new EslCommand.BgApi(command, Optional.empty()));
        while (true) {
            EslFrame frame = client.frame();
            if (frame.contentType().orElse("").equals("command/reply")) {
                return;
            }
            EventView.of(frame).ifPresent(pending::add);
        }
    }

    /** Events (without CHANNEL_EXECUTE*) up to and including the first labelled {@code label} of {@code uuid}. */
    List<EventView> until(String label, String uuid) throws IOException {
        List<EventView> seen = new ArrayList<>();
        while (true) {
            EventView e = pending.isEmpty() ? EventView.of(client.frame()).orElse(null) : pending.poll();
            if (e == null || e.name().startsWith("CHANNEL_EXECUTE")) {
                continue;
            }
            seen.add(e);
            if (label(e).equals(label) && (uuid == null || e.header("Unique-ID").orElse("").equals(uuid))) {
                return seen;
            }
        }
    }

    /** As {@link #until}, keeping the CHANNEL_EXECUTE and CHANNEL_EXECUTE_COMPLETE events. */
    List<EventView> untilWithApplications(String label, String uuid) throws IOException {
        List<EventView> seen = new ArrayList<>();
        while (true) {
            EventView e = pending.isEmpty() ? EventView.of(client.frame()).orElse(null) : pending.poll();
            if (e == null) {
                continue;
            }
            seen.add(e);
            if (label(e).equals(label) && (uuid == null || e.header("Unique-ID").orElse("").equals(uuid))) {
                return seen;
            }
        }
    }

    /** The event {@code label} of {@code uuid}. */
    EventView next(String label, String uuid) throws IOException {
        List<EventView> seen = until(label, uuid);
        return seen.get(seen.size() - 1);
    }

    /** The labels of {@code uuid}'s events in {@code events}. */
    static List<String> labels(List<EventView> events, String uuid) {
        return events.stream().filter(e -> e.header("Unique-ID").orElse("").equals(uuid)).map(GlueClient::label).toList();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}

package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EslCommand;
import io.switchboard.sim.esl.EslFrame;
import io.switchboard.sim.esl.EventFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreeswitchSimulatorTest {

    private static final String AGENT = "sofia/internal/agent7@127.0.0.1:15070";
    private static final String BUSY = "sofia/internal/agent8@127.0.0.1:15072";

    private final FreeswitchConfig config = FreeswitchConfig.of("ClueCon").withDialplan(FsDialplan.fixtures())
            .withTimeScale(0.01).withPhones(Map.of(
            AGENT, new Phone.Answers(Duration.ofSeconds(2), Duration.ofSeconds(5)),
            BUSY, new Phone.Busy()));

    @Test
    void an_agent_phone_rings_answers_parks_and_hangs_up_after_its_talk_time() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                EslTestClient client = subscribed(sim, EventFormat.PLAIN)) {
            client.send(new EslCommand.BgApi("originate {origination_uuid=a-1}" + AGENT + " &park", Optional.of("job-1")));

            assertThat(client.frame().header("Reply-Text")).contains("+OK Job-UUID: job-1");
            assertThat(eventsUntil(client, "CHANNEL_DESTROY")).containsExactly("CHANNEL_CREATE", "CHANNEL_PROGRESS",
                    "CHANNEL_ANSWER", "BACKGROUND_JOB", "CHANNEL_PARK", "CHANNEL_HANGUP", "CHANNEL_UNPARK",
                    "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY");
        }
    }

    @Test
    void a_busy_phone_fails_the_job_with_user_busy_and_sip_486() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                EslTestClient client = subscribed(sim, EventFormat.JSON)) {
            client.send(new EslCommand.BgApi("originate " + BUSY + " &park", Optional.of("job-2")));
            client.frame();

            List<EventView> events = viewsUntil(client, "BACKGROUND_JOB");
            assertThat(events.get(events.size() - 1).body()).isEqualTo("-ERR USER_BUSY\n");
            assertThat(events.stream().filter(e -> e.name().equals("CHANNEL_HANGUP")).findFirst().orElseThrow()
                    .header("variable_sip_term_status")).contains("486");
        }
    }

    @Test
    void an_inbound_caller_is_parked_with_the_route_variables_and_hangs_up_with_a_bye() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
                EslTestClient client = subscribed(sim, EventFormat.PLAIN)) {
            String uuid = sim.inboundCall(InboundCall.of("5550001", "7000"));
            EventView park = viewsUntil(client, "CHANNEL_PARK").get(3);
            sim.callerHangsUp(uuid);
            EventView complete = last(viewsUntil(client, "CHANNEL_HANGUP_COMPLETE"));

            assertThat(park.header("variable_cti_route")).contains("inbound-7000");
            assertThat(park.header("Caller-Caller-ID-Number")).contains("5550001");
            assertThat(complete.header("Hangup-Cause")).contains("NORMAL_CLEARING");
            assertThat(complete.header("variable_sip_term_status")).contains("200");
        }
    }

    @Test
    void dropped_sessions_lose_their_socket_while_the_calls_carry_on() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0)) {
            String uuid = sim.inboundCall(InboundCall.of("5550002", "7000"));
            EslTestClient first = subscribed(sim, EventFormat.PLAIN);

            assertThat(sim.dropSessions()).isEqualTo(1);
            assertThat(catchThrowable(() -> first.next().ifPresent(f -> { }))).satisfiesAnyOf(
                    t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(IOException.class));
            try (EslTestClient again = subscribed(sim, EventFormat.PLAIN)) {
                again.send(new EslCommand.Api("uuid_exists " + uuid));
                assertThat(again.frame().bodyText()).isEqualTo("true");
            }
            first.close();
        }
    }

    @Test
    void an_unreachable_simulator_resets_connections_before_auth_request() throws Exception {
        try (FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0)) {
            sim.reachable(false);
            try (EslTestClient client = new EslTestClient(sim.port())) {
                Throwable t = catchThrowable(() -> assertThat(client.next()).isEmpty());
                assertThat(t == null || t instanceof IOException).as("EOF or reset, got %s", t).isTrue();
            }
        }
    }

    @Test
    void stopping_sends_shutdown_and_the_notice_then_eof() throws Exception {
        FreeswitchSimulator sim = new FreeswitchSimulator(config).start(0);
        try (EslTestClient client = subscribed(sim, EventFormat.PLAIN)) {
            sim.stop();

            assertThat(EventView.of(client.frame()).orElseThrow().name()).isEqualTo("SHUTDOWN");
            assertThat(client.frame().bodyText()).isEqualTo("The system is being shut down.\n");
            assertThat(client.next()).isEmpty();
        }
    }

    @Test
    void a_client_that_stops_reading_loses_events_and_is_then_cut_off_while_others_carry_on() throws Exception {
        FreeswitchConfig tiny = config.withEventQueue(10);
        try (FreeswitchSimulator sim = new FreeswitchSimulator(tiny).start(0);
                EslTestClient stalled = subscribed(sim, EventFormat.PLAIN);
                EslTestClient reader = new EslTestClient(sim.port())) {
            reader.frame();
            reader.send(new EslCommand.Auth("ClueCon"));
            reader.frame();
            java.net.Socket stalledSocket = stalledSocket(stalled);
            stalledSocket.setReceiveBufferSize(1024);
            int calls = 3000;   // ~10 KB of events each: more than loopback socket buffers hold
            for (int i = 0; i < calls; i++) {
                reader.send(new EslCommand.Api("originate null/flood" + i + " &park"));
            }
            for (int i = 0; i < calls; i++) {
                reader.frame();
            }

            reader.send(new EslCommand.Api("status"));
            assertThat(reader.frame().bodyText()).startsWith("UP ");
            Throwable cut = catchThrowable(() -> {
                while (stalled.next().isPresent()) {
                    // drain what was queued before the cut
                }
            });
            assertThat(cut == null || cut instanceof IOException).as("EOF or reset, got %s", cut).isTrue();
        }
    }

    private static java.net.Socket stalledSocket(EslTestClient client) {
        return client.socket();
    }

    private static EslTestClient subscribed(FreeswitchSimulator sim, EventFormat format) throws IOException {
        EslTestClient client = new EslTestClient(sim.port());
        assertThat(client.frame().contentType()).contains("auth/request");
        client.send(new EslCommand.Auth("ClueCon"));
        assertThat(client.frame().header("Reply-Text")).contains("+OK accepted");
        client.send(new EslCommand.Event(format, List.of("ALL")));
        assertThat(client.frame().header("Reply-Text")).isPresent();
        return client;
    }

    private static List<String> eventsUntil(EslTestClient client, String last) throws IOException {
        return viewsUntil(client, last).stream().map(EventView::name).toList();
    }

    private static List<EventView> viewsUntil(EslTestClient client, String last) throws IOException {
        List<EventView> seen = new java.util.ArrayList<>();
        while (seen.isEmpty() || !seen.get(seen.size() - 1).name().equals(last)) {
            EslFrame frame = client.frame();
            EventView.of(frame).filter(e -> !e.name().startsWith("CHANNEL_EXECUTE")).ifPresent(seen::add);
        }
        return seen;
    }

    private static EventView last(List<EventView> views) {
        return views.get(views.size() - 1);
    }
}

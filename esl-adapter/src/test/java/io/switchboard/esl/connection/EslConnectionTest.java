package io.switchboard.esl.connection;

import static io.switchboard.esl.connection.ConnectionFixture.await;
import static io.switchboard.esl.connection.ConnectionFixture.wireEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.esl.EventEncoding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The connection's life against recorded FreeSWITCH 1.10 sessions played by a loopback server. */
class EslConnectionTest {

    private static final String SUBSCRIPTION = "event plain CHANNEL_CREATE CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA "
            + "CHANNEL_ANSWER CHANNEL_BRIDGE CHANNEL_HANGUP CHANNEL_HANGUP_COMPLETE BACKGROUND_JOB SHUTDOWN CUSTOM "
            + "switchboard::agent_dial_result switchboard::agent_login switchboard::agent_logout "
            + "switchboard::agent_session_started switchboard::amd switchboard::amd_message_left "
            + "switchboard::broadcast switchboard::call_transferred switchboard::callback switchboard::caller_on_hold "
            + "switchboard::inbound_call switchboard::safe_harbour";

    @Test
    void logs_in_subscribes_to_the_events_switchboard_uses_resyncs_and_reports_the_version() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt").loggedIn()) {
            assertThat(pbx.server.commands()).containsExactly("auth ClueCon", SUBSCRIPTION,
                    "api show channels as json", "api status");
            assertThat(pbx.server.problems()).isEmpty();
            assertThat(pbx.connection.status().state()).isEqualTo(EslConnectionState.LOGGED_IN);
            assertThat(pbx.published(PbxEvent.PbxConnected.class)).singleElement()
                    .satisfies(c -> assertThat(c.version()).isEqualTo("FreeSWITCH (Version 1.10.12-release  64bit) is ready"));
        }
    }

    @Test
    void json_encoding_is_asked_for_when_set() throws Exception {
        try (ConnectionFixture pbx = new ConnectionFixture("01-connect-auth-ok.esl.txt", "ClueCon", EventEncoding.JSON,
                Duration.ofSeconds(5)).loggedIn()) {
            assertThat(pbx.server.commands()).element(1).asString().startsWith("event json CHANNEL_CREATE ")
                    .doesNotContain("ALL");
        }
    }

    @Test
    void a_refused_password_is_reported_masked_and_retried_with_backoff() throws Exception {
        try (ConnectionFixture pbx = new ConnectionFixture("02-auth-failure.esl.txt", "WrongPassword",
                EventEncoding.PLAIN, Duration.ofSeconds(5)).started()) {
            await(() -> pbx.server.sessions() >= 3, "two retries");
            await(() -> pbx.connection.status().state() == EslConnectionState.AUTH_FAILED, "auth failed");

            EslConnectionStatus status = pbx.connection.status();
            assertThat(status.failedAttempts()).isGreaterThanOrEqualTo(2);
            assertThat(status.detail()).contains("auth refused", "-ERR invalid").containsPattern("next in \\d+ ms")
                    .doesNotContain("WrongPassword");
            assertThat(pbx.published).isEmpty();
        }
    }

    @Test
    void stopping_says_exit_as_recorded_in_fixture_01_and_stays_stopped_through_freeswitchs_goodbye() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt").loggedIn()) {
            pbx.connection.stop().await(5, TimeUnit.SECONDS);

            assertThat(pbx.server.commands()).last().isEqualTo("exit");
            assertThat(pbx.server.problems()).isEmpty();
            assertThat(pbx.connection.status()).isEqualTo(new EslConnectionStatus(EslConnectionState.STOPPED, "stopped", 0));
            assertThat(pbx.server.sessions()).isEqualTo(1);
            assertThat(pbx.published(PbxEvent.PbxDisconnected.class)).isEmpty();
        }
    }

    @Test
    void stopping_ends_a_job_still_waited_for_as_lost_with_the_connection() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt").loggedIn()) {
            var job = pbx.connection.bgapi("originate null/agent1 &park", Optional.empty());

            pbx.connection.stop().await(5, TimeUnit.SECONDS);

            assertThat(job.await(5, TimeUnit.SECONDS)).isEqualTo(new JobOutcome.ConnectionLost("connection stopped"));
        }
    }

    @Test
    void a_status_detail_never_shows_the_password_or_a_whole_phone_number_but_keeps_channel_uuids() {
        String lost = "no reply to 'api uuid_broadcast 7b4824ec-803b-4d44-b8de-3db9c63d547b "
                + "att_xfer::loopback/+4930200000/default' (auth ClueCon)";

        assertThat(EslConnection.masked(lost, "ClueCon")).isEqualTo("no reply to 'api uuid_broadcast "
                + "7b4824ec-803b-4d44-b8de-3db9c63d547b att_xfer::loopback/+…0000/default' (auth ****)");
    }

    @Test
    void a_disconnect_notice_disconnects_and_the_connection_comes_back() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt").loggedIn()) {
            pbx.server.playRest();

            await(() -> pbx.published(PbxEvent.PbxConnected.class).size() == 2, "logged in again");
            assertThat(pbx.server.sessions()).isEqualTo(2);
            assertThat(pbx.published(PbxEvent.PbxDisconnected.class)).singleElement()
                    .satisfies(d -> assertThat(d.reason()).isEqualTo("FreeSWITCH disconnected: Disconnected, goodbye."));
            assertThat(pbx.connection.malformedFrames().byKind()).containsEntry(MalformedFrames.UNEXPECTED_REPLY, 1L);
        }
    }

    @Test
    void a_leg_that_ended_while_disconnected_is_hung_up_once_by_the_resync_and_not_again_by_its_late_event()
            throws Exception {
        String fixture = "03-event-plain-all.esl.txt";
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt").loggedIn()) {
            pbx.server.inject(wireEvent(fixture, "CHANNEL_CREATE") + wireEvent(fixture, "CHANNEL_ANSWER"));
            await(() -> !pbx.published(PbxEvent.LegAnswered.class).isEmpty(), "answered");

            pbx.server.dropCurrent();
            await(() -> pbx.published(PbxEvent.PbxConnected.class).size() == 2, "reconnected");
            pbx.server.inject(wireEvent(fixture, "CHANNEL_HANGUP_COMPLETE") + wireEvent(fixture, "CHANNEL_ANSWER")
                    + wireEvent("05-inbound-sip-park-bridge.esl.txt", "CHANNEL_ANSWER"));
            await(() -> pbx.published(PbxEvent.LegAnswered.class).size() == 2, "the late events and one more read");

            assertThat(pbx.published).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                    "PbxResynced", "PbxConnected", "LegAnswered", "PbxDisconnected", "LegHungUp", "PbxResynced",
                    "PbxConnected", "LegAnswered", "AgentDeviceStateChanged");
            assertThat(pbx.published(PbxEvent.LegHungUp.class)).singleElement()
                    .satisfies(h -> assertThat(h.cause()).isEqualTo(HangupCause.OTHER));
        }
    }

    @Test
    void a_background_job_is_matched_to_its_call_by_the_job_uuid_switchboard_chose() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("06-agent-busy-noanswer-failures.esl.txt").loggedIn()) {
            CallId call = CallId.of("fs1/task-7");

            JobOutcome outcome = pbx.connection.bgapi("originate error/user_busy &park", Optional.of(call))
                    .await(5, TimeUnit.SECONDS);

            assertThat(outcome).isEqualTo(new JobOutcome.Failed("-ERR USER_BUSY"));
            await(() -> !pbx.published(PbxEvent.OriginateFailed.class).isEmpty(), "originate failed");
            assertThat(pbx.published(PbxEvent.OriginateFailed.class)).singleElement().satisfies(f -> {
                assertThat(f.call()).isEqualTo(call);
                assertThat(f.cause()).isEqualTo(HangupCause.USER_BUSY);
            });
            assertThat(pbx.server.commands()).element(4).asString().startsWith("bgapi originate error/user_busy");
            assertThat(pbx.server.problems()).isEmpty();
        }
    }

    @Test
    void a_job_that_never_answers_times_out_and_the_connection_stays_up() throws Exception {
        try (ConnectionFixture pbx = new ConnectionFixture("01-connect-auth-ok.esl.txt", "ClueCon", EventEncoding.PLAIN,
                Duration.ofMillis(300)).loggedIn()) {
            JobOutcome outcome = pbx.connection.bgapi("originate null/nobody &park", Optional.empty())
                    .await(5, TimeUnit.SECONDS);

            assertThat(outcome).isEqualTo(new JobOutcome.TimedOut(Duration.ofMillis(300)));
            assertThat(pbx.connection.status().state()).isEqualTo(EslConnectionState.LOGGED_IN);
        }
    }

    @Test
    void api_answers_come_back_in_order_with_their_bodies() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt").loggedIn()) {
            var status = pbx.connection.api("status");
            var channels = pbx.connection.api("show channels as json");

            assertThat(status.await(5, TimeUnit.SECONDS)).contains("FreeSWITCH (Version 1.10.12-release  64bit) is ready");
            assertThat(channels.await(5, TimeUnit.SECONDS)).isEqualTo("{\"row_count\":0}");
        }
    }

    @Test
    void malformed_frames_are_counted_by_kind_and_skipped_without_dropping_the_connection() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt").loggedIn()) {
            pbx.server.inject("Content-Type: text/event-json\nContent-Length: 13\n\n{\"Event-Name\""
                    + "Content-Type: text/event-plain\nContent-Length: 16\n\nUnique-ID: abc\n\n"
                    + "Content-Type: text/something-new\nthis line has no colon\n\n"
                    + wireEvent("03-event-plain-all.esl.txt", "CHANNEL_ANSWER"));

            await(() -> !pbx.published(PbxEvent.LegAnswered.class).isEmpty(), "the good event after the bad ones");
            assertThat(pbx.connection.malformedFrames().byKind()).containsOnly(
                    org.assertj.core.api.Assertions.entry("bad-json-event", 1L),
                    org.assertj.core.api.Assertions.entry("event-without-name", 1L),
                    org.assertj.core.api.Assertions.entry("line-without-colon", 1L),
                    org.assertj.core.api.Assertions.entry("unknown-content-type:text/something-new", 1L));
            assertThat(pbx.connection.status().state()).isEqualTo(EslConnectionState.LOGGED_IN);
            assertThat(pbx.server.sessions()).isEqualTo(1);
        }
    }

    @Test
    void a_shutdown_is_reported_once_its_killed_calls_hang_up_and_the_connection_keeps_trying() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("10-api-misc-sendmsg-log-shutdown.esl.txt").loggedIn()) {
            pbx.server.playRest();

            await(() -> pbx.server.sessions() >= 2, "a new attempt after the shutdown");
            await(() -> pbx.published(PbxEvent.LegHungUp.class).size() == 3, "the killed calls hung up");
            assertThat(pbx.published(PbxEvent.PbxDisconnected.class)).singleElement()
                    .satisfies(d -> assertThat(d.reason()).isEqualTo("FreeSWITCH is shutting down"));
            assertThat(pbx.published(PbxEvent.LegHungUp.class)).extracting(PbxEvent.LegHungUp::cause)
                    .containsExactly(HangupCause.NORMAL_CLEARING, HangupCause.OTHER, HangupCause.OTHER);
        }
    }

    @Test
    void a_stalled_event_consumer_never_stalls_the_socket_replies_still_arrive_and_no_event_is_lost() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt").loggedIn()) {
            CountDownLatch consumerStalled = new CountDownLatch(1);
            pbx.events.execute(() -> {
                try {
                    consumerStalled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            String answered = wireEvent("03-event-plain-all.esl.txt", "CHANNEL_ANSWER");
            String hungUp = wireEvent("03-event-plain-all.esl.txt", "CHANNEL_HANGUP_COMPLETE");
            String heartbeat = wireEvent("03-event-plain-all.esl.txt", "HEARTBEAT");
            pbx.server.inject(answered + heartbeat.repeat(2_000) + hungUp);

            String status = pbx.connection.api("status").await(5, TimeUnit.SECONDS);
            assertThat(status).contains("is ready");
            assertThat(pbx.published(PbxEvent.LegAnswered.class)).isEmpty();

            consumerStalled.countDown();
            await(() -> !pbx.published(PbxEvent.LegHungUp.class).isEmpty(), "the backlog read");
            assertThat(pbx.connection.skippedEvents()).containsEntry("HEARTBEAT", 2_000L);
            assertThat(pbx.published(PbxEvent.LegAnswered.class)).hasSize(1);
        }
    }

    @Test
    void jobs_waiting_when_the_connection_drops_end_as_connection_lost() throws Exception {
        try (ConnectionFixture pbx = ConnectionFixture.playing("01-connect-auth-ok.esl.txt").loggedIn()) {
            var job = pbx.connection.bgapi("originate null/nobody &park", Optional.empty());
            await(() -> pbx.server.commands().size() == 5, "the bgapi sent");

            pbx.server.dropCurrent();

            assertThat(job.await(5, TimeUnit.SECONDS)).isInstanceOf(JobOutcome.ConnectionLost.class);
        }
    }

    @Test
    void a_masked_sample_never_shows_the_password_or_a_whole_phone_number() {
        assertThat(MalformedFrames.sample("auth ClueCon\nCaller-Caller-ID-Number: 4930123456"))
                .isEqualTo("auth ****\\nCaller-Caller-ID-Number: ****56");
    }
}

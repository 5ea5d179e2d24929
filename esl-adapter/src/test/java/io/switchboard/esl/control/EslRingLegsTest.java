package io.switchboard.esl.control;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Several agent legs for one caller over ESL: each originated into park, the first to answer bridged. */
class EslRingLegsTest {

    private static final String CUSTOMER = "7ed41449-9950-42b2-9f65-d23a4a4fca7f";
    private static final CallId CALL = CallId.of("fs1/" + CUSTOMER);
    private static final LegId FIRST = LegId.of(CALL.value() + "-agent-1");
    private static final LegId SECOND = LegId.of(CALL.value() + "-agent-2");
    private static final PbxId PBX = PbxId.of("fs1");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedSender sender = new ScriptedSender();
    private final EslCallControl control = new EslCallControl(PBX, sender, new FakeCallLegs(),
            "sofia/gateway/carrier/{number}", "default", "/rec/", timer, Runnable::run, Duration.ofMillis(200));

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void each_agent_is_originated_into_park_tied_to_the_call_by_its_uuid_and_leg_id() throws Exception {
        assertThat(control.ringsSeveralLegs()).isTrue();

        assertThat(result(control.ringAgentLeg(CALL, FIRST, "user/1001@pbx", Duration.ofMillis(14_200))))
                .isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.sent()).containsExactly("originate {origination_uuid=" + uuidOf(FIRST)
                + ",originate_timeout=15,ignore_early_media=true,switchboard_ring_call=" + CUSTOMER
                + ",switchboard_ring_leg=" + FIRST.value() + "}user/1001@pbx &park()");
    }

    @Test
    void the_agents_phone_shows_the_callers_number_as_mod_callcenter_sets_it_and_none_when_withheld()
            throws Exception {
        result(control.ringAgentLeg(CALL, FIRST, "user/1001@pbx", Duration.ofSeconds(15),
                java.util.Optional.of(io.switchboard.core.call.PhoneNumber.parse("+4930555123", "caller"))));
        result(control.ringAgentLeg(CALL, SECOND, "user/1002@pbx", Duration.ofSeconds(15), java.util.Optional.empty()));

        assertThat(sender.sent().get(0)).endsWith(",switchboard_ring_leg=" + FIRST.value()
                + ",origination_caller_id_number=+4930555123,origination_caller_id_name=+4930555123}user/1001@pbx &park()");
        assertThat(sender.sent().get(1)).doesNotContain("origination_caller_id");
    }

    @Test
    void the_first_leg_to_answer_is_bridged_to_the_caller_and_a_later_one_is_killed_never_bridged() throws Exception {
        result(control.ringAgentLeg(CALL, FIRST, "user/1001@pbx", Duration.ofSeconds(15)));
        result(control.ringAgentLeg(CALL, SECOND, "user/1002@pbx", Duration.ofSeconds(15)));
        int rung = sender.sent().size();

        control.ringLegs().onEvent(new PbxEvent.LegAnswered(PBX, Instant.now(), CALL, SECOND));
        control.ringLegs().onEvent(new PbxEvent.LegAnswered(PBX, Instant.now(), CALL, FIRST));

        assertThat(sender.sent().subList(rung, sender.sent().size())).as("transfer_after_bridge unset first, so the "
                + "agent hanging up ends the call instead of sending the customer back to hold").containsExactly(
                "uuid_setvar " + CUSTOMER + " transfer_after_bridge", "uuid_bridge " + CUSTOMER + " " + uuidOf(SECOND),
                "uuid_kill " + uuidOf(FIRST) + " LOSE_RACE");
    }

    @Test
    void a_cancelled_leg_is_killed_and_an_unknown_one_is_refused_naming_the_leg() throws Exception {
        result(control.ringAgentLeg(CALL, FIRST, "user/1001@pbx", Duration.ofSeconds(15)));

        assertThat(result(control.cancelAgentLeg(CALL, FIRST))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(sender.sent()).last().isEqualTo("uuid_kill " + uuidOf(FIRST) + " ORIGINATOR_CANCEL");
        assertThat(result(control.cancelAgentLeg(CALL, SECOND))).isInstanceOfSatisfying(CommandResult.Failed.class,
                failed -> assertThat(failed.message()).contains(SECOND.value()));
    }

    @Test
    void a_leg_answering_after_the_caller_hung_up_is_left_alone() throws Exception {
        result(control.ringAgentLeg(CALL, FIRST, "user/1001@pbx", Duration.ofSeconds(15)));
        int rung = sender.sent().size();

        control.ringLegs().onEvent(new PbxEvent.LegHungUp(PBX, Instant.now(), CALL, LegId.of(CALL.value()),
                HangupCause.NORMAL_CLEARING));
        control.ringLegs().onEvent(new PbxEvent.LegAnswered(PBX, Instant.now(), CALL, FIRST));

        assertThat(sender.sent()).hasSize(rung);
    }

    private static String uuidOf(LegId leg) {
        return UUID.nameUUIDFromBytes(leg.value().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static CommandResult result(CompletionStage<CommandResult> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}

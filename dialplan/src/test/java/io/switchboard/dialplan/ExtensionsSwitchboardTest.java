package io.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialplan.AsteriskDialplan.Priority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped {@code asterisk/extensions_switchboard.conf}, linted and held to the recorded transcripts. */
class ExtensionsSwitchboardTest {

    private static AsteriskDialplan plan;

    @BeforeAll
    static void parseShippedFile() throws IOException {
        plan = AsteriskDialplan.parse(Files.readString(Path.of("asterisk/extensions_switchboard.conf")));
    }

    @Test
    void lintsCleanWithoutAnyExternalContext() {
        assertThat(new DialplanLinter(Set.of()).lint(plan)).isEmpty();
    }

    @Test
    void definesTheInboundHoldAndConnectContexts() {
        assertThat(plan.contexts().keySet())
                .contains("switchboard-inbound", "switchboard-hold", "switchboard-connect", "switchboard-join",
                        "switchboard-agent-session", "switchboard-outbound", "switchboard-spy", "switchboard-transfer",
                        "switchboard-exit", "switchboard-features");
    }

    @Test
    void sendsACallerOutOfTheQueueToTheAdminsContextOrHangsUp() {
        assertThat(last(plan.extension("switchboard-exit", "_[0-9A-Za-z*#+].")).args()).isEqualTo("s,1");
        assertThat(apps(plan.extension("switchboard-exit", "s"))).containsSubsequence("GotoIf", "Goto", "Hangup");
        assertThat(plan.extension("switchboard-exit", "s")).extracting(Priority::args)
                .contains("${SWITCHBOARD_EXIT_CONTEXT},${SWITCHBOARD_EXIT_TARGET},1");
    }

    @Test
    void announcesAnInboundCallThenHoldsIt() {
        assertThat(apps(plan.extension("switchboard-inbound", "s")))
                .containsSubsequence("UserEvent", "Goto");
        assertThat(last(plan.extension("switchboard-inbound", "s")).args()).isEqualTo("switchboard-hold,s,1");
        assertThat(apps(plan.extension("switchboard-hold", "s")))
                .containsSubsequence("Answer", "UserEvent", "WaitExten", "Hangup");
        assertThat(plan.extension("switchboard-hold", "s")).filteredOn(p -> p.app().equals("WaitExten"))
                .singleElement().extracting(Priority::label, Priority::args)
                .containsExactly("wait", "3600,m(${IF($[\"${SWITCHBOARD_MOH_CLASS}\" = \"\"]?default:${SWITCHBOARD_MOH_CLASS})})");
    }

    @Test
    void aKeyPressedInHoldIsReportedAndTheCallerGoesOnWaitingWithoutASecondCallerOnHold() {
        List<Priority> key = plan.extension("switchboard-hold", "_[0-9*#]");
        assertThat(key).extracting(Priority::app, Priority::args).containsExactly(
                org.assertj.core.api.Assertions.tuple("UserEvent", "CallbackRequested,Digit: ${EXTEN},Number: ${CALLERID(num)}"),
                org.assertj.core.api.Assertions.tuple("Goto", "s,wait"));
        for (String exten : List.of("t", "i")) {
            assertThat(plan.extension("switchboard-hold", exten)).as(exten)
                    .extracting(Priority::app, Priority::args).containsExactly(org.assertj.core.api.Assertions.tuple("Goto", "s,wait"));
        }
    }

    @Test
    void aConfirmedCallbackHearsAStockMessageAndIsHungUp() {
        assertThat(apps(plan.extension("switchboard-callback", "s"))).containsExactly("NoOp", "Playback", "Hangup");
        assertThat(plan.extension("switchboard-callback", "s").get(1).args())
                .contains("queue-thankyou&vm-goodbye").contains("${SWITCHBOARD_CALLBACK_MESSAGE}");
    }

    @Test
    void anAnsweredCallbackSkipsAmdAndWaitsInHoldWithReasonCallback() {
        List<Priority> outbound = plan.extension("switchboard-outbound", "s");
        assertThat(outbound.get(1).app()).isEqualTo("GotoIf");
        assertThat(outbound.get(1).args()).isEqualTo("$[\"${SWITCHBOARD_CALLBACK}\" != \"\"]?callback");
        List<String> tail = outbound.stream().dropWhile(p -> !"callback".equals(p.label()))
                .map(p -> p.app() + ":" + p.args()).toList();
        assertThat(tail).containsExactly("Set:SWITCHBOARD_HOLD_REASON=CALLBACK", "Goto:switchboard-hold,s,1");
    }

    @Test
    void everyDialledNumberReachesTheAnnouncement() {
        for (String exten : List.of("_X.", "_+X.")) {
            assertThat(last(plan.extension("switchboard-inbound", exten)))
                    .as(exten).extracting(Priority::app, Priority::args).containsExactly("Goto", "s,announce");
        }
    }

    @Test
    void dialsTheDeviceSwitchboardSetWithItsRingTimeout() {
        Priority dial = only(plan.extension("switchboard-connect", "s"), "Dial");
        assertThat(dial.argList().get(0)).isEqualTo("${SWITCHBOARD_DEVICE}");
        assertThat(dial.argList().get(1)).contains("${SWITCHBOARD_RING_TIMEOUT}");
    }

    @Test
    void anUnansweredAgentSendsTheCallerBackToHoldWithTheReason() {
        List<String> steps = plan.extension("switchboard-connect", "s").stream()
                .map(p -> p.app() + "(" + p.args() + ")").toList();
        assertThat(steps).containsSubsequence(
                "Dial(${SWITCHBOARD_DEVICE},${IF($[\"${SWITCHBOARD_RING_TIMEOUT}\" = \"\"]?15:${SWITCHBOARD_RING_TIMEOUT})})",
                "UserEvent(AgentDialResult,DialStatus: ${DIALSTATUS},Agent: ${SWITCHBOARD_AGENT})",
                "GotoIf($[\"${DIALSTATUS}\" = \"ANSWER\"]?done)",
                "Set(SWITCHBOARD_HOLD_REASON=${DIALSTATUS})",
                "Goto(switchboard-hold,s,1)");
        assertThat(only(plan.extension("switchboard-hold", "s"), "UserEvent").args())
                .contains("Reason: ${SWITCHBOARD_HOLD_REASON}");
    }

    @Test
    void sendsEveryUserEventTheRecordedHoldAndRedirectFlowShowsWithOnlyItsCustomFields() {
        Map<String, java.util.Set<String>> recorded =
                UserEvents.recordedIn(Fixtures.messages(Fixtures.HOLD_AND_REDIRECT));
        assertThat(recorded).containsOnlyKeys("InboundCall", "CallerOnHold", "AgentDialResult");

        Map<String, List<String>> shipped = UserEvents.sentBy(plan);
        assertThat(shipped).containsKeys(recorded.keySet().toArray(String[]::new));
        // the recordings repeated standard headers in the body (Quirk 7); the shipped bodies keep only
        // the custom fields, which are therefore a subset of what was recorded plus our additions
        recorded.forEach((name, fields) -> assertThat(fields)
                .as("%s recorded fields cover the shipped ones except additions", name)
                .containsAll(shipped.get(name).stream()
                        .filter(f -> !f.equals("Queue") && !f.equals("Reason")).toList()));
    }

    @Test
    void userEventsCarryDnidAndQueueHintButNoStandardChannelHeader() {
        assertThat(UserEvents.sentBy(plan).get("InboundCall")).containsExactly("DNID", "Queue");
        assertThat(UserEvents.sentBy(plan).get("CallerOnHold")).containsExactly("DNID", "Queue", "Reason");
        assertThat(UserEvents.sentBy(plan).get("AgentDialResult")).containsExactly("DialStatus", "Agent");
        assertThat(UserEvents.sentBy(plan).get("AMD")).containsExactly("Status", "Cause");
        UserEvents.sentBy(plan).forEach((name, fields) -> assertThat(fields).as(name)
                .doesNotContainAnyElementsOf(UserEvents.STANDARD_HEADERS));
    }

    private static List<String> apps(List<Priority> steps) {
        return steps.stream().map(Priority::app).toList();
    }

    private static Priority last(List<Priority> steps) {
        return steps.get(steps.size() - 1);
    }

    private static Priority only(List<Priority> steps, String app) {
        return steps.stream().filter(p -> p.app().equals(app)).reduce((a, b) -> {
            throw new AssertionError("more than one " + app);
        }).orElseThrow();
    }
}

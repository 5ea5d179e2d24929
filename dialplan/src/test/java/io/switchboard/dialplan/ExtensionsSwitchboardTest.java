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
                .containsExactly("switchboard-inbound", "switchboard-hold", "switchboard-connect");
    }

    @Test
    void announcesAnInboundCallThenHoldsIt() {
        assertThat(apps(plan.extension("switchboard-inbound", "s")))
                .containsSubsequence("UserEvent", "Goto");
        assertThat(last(plan.extension("switchboard-inbound", "s")).args()).isEqualTo("switchboard-hold,s,1");
        assertThat(apps(plan.extension("switchboard-hold", "s")))
                .containsSubsequence("Answer", "UserEvent", "MusicOnHold");
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
                "UserEvent(AgentDialResult,DialStatus: ${DIALSTATUS},Agent: ${SWITCHBOARD_AGENT},Uniqueid: ${UNIQUEID})",
                "GotoIf($[\"${DIALSTATUS}\" = \"ANSWER\"]?done)",
                "Set(SWITCHBOARD_HOLD_REASON=${DIALSTATUS})",
                "Goto(switchboard-hold,s,1)");
        assertThat(only(plan.extension("switchboard-hold", "s"), "UserEvent").args())
                .contains("Reason: ${SWITCHBOARD_HOLD_REASON}");
    }

    @Test
    void sendsEveryUserEventTheRecordedHoldAndRedirectFlowShows() {
        Map<String, java.util.Set<String>> recorded =
                UserEvents.recordedIn(Fixtures.messages(Fixtures.HOLD_AND_REDIRECT));
        assertThat(recorded).containsOnlyKeys("InboundCall", "CallerOnHold", "AgentDialResult");

        Map<String, List<String>> shipped = UserEvents.sentBy(plan);
        assertThat(shipped).containsOnlyKeys(recorded.keySet());
        recorded.forEach((name, fields) -> assertThat(shipped.get(name))
                .as("%s starts with the recorded fields in the recorded order", name)
                .startsWith(fields.toArray(String[]::new)));
    }

    @Test
    void userEventsCarryCallerNumberDnidAndQueueHint() {
        assertThat(UserEvents.sentBy(plan).get("InboundCall")).contains("CallerIDNum", "DNID", "Queue");
        assertThat(UserEvents.sentBy(plan).get("CallerOnHold")).contains("CallerIDNum", "DNID", "Queue", "Reason");
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

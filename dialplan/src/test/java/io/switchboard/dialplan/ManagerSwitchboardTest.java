package io.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped {@code asterisk/manager_switchboard.conf}: narrow classes that still carry every needed event. */
class ManagerSwitchboardTest {

    /** Classes Switchboard may read; never dialplan (bulk VarSet/Newexten), security, cdr, or all. */
    private static final Set<String> ALLOWED_READ = Set.of("system", "call", "user", "agent");
    /** Classes Switchboard may write; never system, command or config (shell and configuration), or all. */
    private static final Set<String> ALLOWED_WRITE = Set.of("call", "originate", "reporting", "agent");

    /** Events the hold/redirect flow and the connection lifecycle rely on. */
    private static final List<String> NEEDED = List.of("FullyBooted", "Newchannel", "Newstate", "Hangup",
            "DialBegin", "DialEnd", "BridgeEnter", "BridgeLeave", "MusicOnHoldStart", "MusicOnHoldStop", "UserEvent");

    private static ManagerConf conf;
    private static Map<String, Set<String>> recordedClasses;

    @BeforeAll
    static void readConfAndRecordings() throws IOException {
        conf = ManagerConf.parse(Files.readString(Path.of("asterisk/manager_switchboard.conf")));
        recordedClasses = new HashMap<>();
        for (var message : Fixtures.messages(Fixtures.allTranscripts())) {
            if (message.size() > 1 && message.get(0).getKey().equals("Event")
                    && message.get(1).getKey().equals("Privilege")) {
                recordedClasses.computeIfAbsent(message.get(0).getValue(), e -> new java.util.HashSet<>())
                        .addAll(Arrays.asList(message.get(1).getValue().toLowerCase().split(",")));
            }
        }
    }

    @Test
    void definesOneSwitchboardUserWithAPlaceholderSecret() {
        assertThat(conf.user()).isEqualTo("switchboard");
        assertThat(conf.settings().get("secret")).isEqualTo("CHANGE-ME");
        assertThat(conf.settings().get("deny")).isEqualTo("0.0.0.0/0.0.0.0");
        assertThat(conf.settings().get("permit")).isNotEqualTo("0.0.0.0/0.0.0.0");
    }

    @Test
    void readsAndWritesOnlyAllowedClasses() {
        assertThat(conf.classes("read")).isNotEmpty().isSubsetOf(ALLOWED_READ);
        assertThat(conf.classes("write")).isNotEmpty().isSubsetOf(ALLOWED_WRITE);
    }

    @Test
    void everyNeededEventIsReadableAndNotFilteredOut() {
        for (String event : NEEDED) {
            assertThat(recordedClasses.get(event)).as("%s is in the recordings", event).isNotNull();
            assertThat(recordedClasses.get(event)).as("%s is readable", event).containsAnyElementsOf(conf.classes("read"));
            assertThat(conf.excludedEvents()).as("filters").doesNotContain(event);
        }
    }

    @Test
    void theBulkDialplanEventsAreNotRead() {
        for (String event : List.of("VarSet", "Newexten", "RTCPSent", "Cdr")) {
            assertThat(recordedClasses.get(event)).as(event).isNotNull()
                    .doesNotContainAnyElementsOf(conf.classes("read"));
        }
    }

    @Test
    void everyFilterNamesARecordedEventThatWouldOtherwiseBeRead() {
        assertThat(conf.eventFilters()).isNotEmpty();
        for (String event : conf.excludedEvents()) {
            assertThat(recordedClasses.get(event)).as("%s is a real event name", event).isNotNull();
            assertThat(recordedClasses.get(event)).as("%s would be read without the filter", event)
                    .containsAnyElementsOf(conf.classes("read"));
        }
    }

    @Test
    void deviceStatesOfPhonesGetThroughAndNoOthers() {
        for (String phone : List.of("PJSIP/1001", "SIP/1001", "SIP/127.0.0.1:5062", "PJSIP/agent-7")) {
            assertThat(conf.passesFilters("DeviceStateChange", Map.of("Device", phone))).as(phone).isTrue();
        }
        for (String other : List.of("Local/agent1@agents", "Queue:support", "Queue:support_avail",
                "Queue:support_pause_Local/agent1@agents", "confbridge:agent-1", "CBAnn/agent-1", "Custom:x",
                "SIPX/1", "PJSIPX/1", "IAX2/1001", "DAHDI/1", "Park:701@parkedcalls")) {
            assertThat(conf.passesFilters("DeviceStateChange", Map.of("Device", other))).as(other).isFalse();
        }
        assertThat(conf.passesFilters("NewConnectedLine", Map.of())).isFalse();
        assertThat(conf.passesFilters("Newstate", Map.of("Device", "Local/x"))).isTrue();
    }

    @Test
    void theRecordedInboundCallReadsAsManyEventsAsBeforeThePhonesDeviceStates() {
        // Fixture 05 is the call of 05b with every event on and no filter; its agent is a Local channel, so none
        // of its device states (Local, Queue) reach the shipped user, which reads 38 events of it: 05b's 43 less
        // its cdr and agent classes.
        assertThat(shippedReads("05-hold-redirect-agent-answers.ami.txt")).isEqualTo(38);
        assertThat(shippedReads("05b-hold-redirect-agent-answers-filtered.ami.txt")).isEqualTo(38);
    }

    private static long shippedReads(String transcript) {
        return Fixtures.messages(List.of(transcript)).stream()
                .filter(m -> m.size() > 1 && m.get(0).getKey().equals("Event") && m.get(1).getKey().equals("Privilege"))
                .filter(m -> Arrays.stream(m.get(1).getValue().toLowerCase().split(","))
                        .anyMatch(conf.classes("read")::contains))
                .filter(m -> conf.passesFilters(m.get(0).getValue(), headers(m)))
                .count();
    }

    private static Map<String, String> headers(List<Map.Entry<String, String>> message) {
        Map<String, String> headers = new HashMap<>();
        message.forEach(h -> headers.putIfAbsent(h.getKey(), h.getValue()));
        return headers;
    }
}

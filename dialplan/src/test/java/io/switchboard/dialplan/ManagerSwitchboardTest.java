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
}

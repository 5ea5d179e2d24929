package io.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialplan.AsteriskDialplan.Priority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole shipped Asterisk glue: only applications and functions every Asterisk from 18 to 22
 * has, every entry point the adapter uses, and every ConfBridge profile the dialplan names.
 */
class AsteriskGlueTest {

    /** Dialplan applications present in Asterisk 18, 19, 20, 21 and 22 (module in the comment). */
    static final Set<String> APPLICATIONS = Set.of(
            "Answer", "Hangup", "Goto", "GotoIf", "ExecIf", "Set", "NoOp", "Wait", "Progress", "Ringing",
            "Busy", "Congestion", "Verbose",                 // core pbx / app_exec / app_verbose
            "UserEvent",                                     // app_userevent
            "Dial",                                          // app_dial
            "MusicOnHold",                                   // res_musiconhold
            "ConfBridge",                                    // app_confbridge
            "AMD",                                           // app_amd (optional: behind IFMODULE)
            "Playback",                                      // app_playback
            "Read",                                          // app_read
            "SayNumber", "WaitExten",                        // core (pbx_builtins)
            "ChanSpy",                                       // app_chanspy
            "MixMonitor", "StopMixMonitor");                 // app_mixmonitor

    /** Dialplan functions present in Asterisk 18 to 22. */
    static final Set<String> FUNCTIONS = Set.of(
            "CALLERID", "CHANNEL", "IF", "IFMODULE", "CONFBRIDGE_INFO", "CUT", "LEN", "ISNULL", "EXISTS");

    /** Applications that come from a module an admin may not have; each must be guarded by IFMODULE. */
    static final Map<String, String> OPTIONAL = Map.of("AMD", "app_amd.so");

    /** Context to the extensions the adapter (and the admin's dialplan) enters at priority 1. */
    static final Map<String, List<String>> ENTRY_POINTS = new LinkedHashMap<>();

    static {
        ENTRY_POINTS.put("switchboard-inbound", List.of("_X.", "_+X.", "s"));
        ENTRY_POINTS.put("switchboard-hold", List.of("s"));
        ENTRY_POINTS.put("switchboard-callback", List.of("s"));
        ENTRY_POINTS.put("switchboard-announce", List.of("s"));
        ENTRY_POINTS.put("switchboard-connect", List.of("s"));
        ENTRY_POINTS.put("switchboard-join", List.of("_[0-9A-Za-z].", "_[0-9A-Za-z]", "s"));
        ENTRY_POINTS.put("switchboard-agent-session", List.of("_[0-9A-Za-z].", "_[0-9A-Za-z]", "s", "h"));
        ENTRY_POINTS.put("switchboard-outbound", List.of("s"));
        ENTRY_POINTS.put("switchboard-spy", List.of("listen", "whisper", "barge"));
        ENTRY_POINTS.put("switchboard-transfer", List.of("_[0-9A-Za-z*#+].", "_[0-9A-Za-z*#+]", "s"));
        ENTRY_POINTS.put("switchboard-exit", List.of("_[0-9A-Za-z*#+].", "_[0-9A-Za-z*#+]", "s"));
        ENTRY_POINTS.put("switchboard-features", List.of("*70", "*71", "*72"));
    }

    private static final Pattern FUNCTION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\(");
    private static final Pattern SET_FUNCTION = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\(");
    private static final Pattern NESTED_APP = Pattern.compile("[?:]\\s*([A-Za-z][A-Za-z0-9_]*)\\(");

    private static AsteriskDialplan plan;
    private static Map<String, String> confbridgeTypes;

    @BeforeAll
    static void readShippedFiles() throws IOException {
        plan = AsteriskDialplan.parse(Files.readString(Path.of("asterisk/extensions_switchboard.conf")));
        confbridgeTypes = sectionTypes(Files.readString(Path.of("asterisk/confbridge_switchboard.conf")));
    }

    @Test
    void usesOnlyApplicationsEveryAsteriskFrom18To22Has() {
        Set<String> used = new TreeSet<>();
        for (Priority p : plan.priorities()) {
            used.add(p.app());
            used.addAll(nestedApplications(p));
        }
        assertThat(used).isSubsetOf(APPLICATIONS);
    }

    @Test
    void usesOnlyFunctionsEveryAsteriskFrom18To22Has() {
        Set<String> used = new TreeSet<>();
        for (Priority p : plan.priorities()) {
            used.addAll(functions(p));
        }
        assertThat(used).isNotEmpty().isSubsetOf(FUNCTIONS);
    }

    @Test
    void findsFunctionsAndNestedApplications() {
        Priority p = new Priority(1, "c", "s", 1, "", "ExecIf",
                "$[${IFMODULE(app_amd.so)}]?AMD():Set(CHANNEL(language)=${CUT(X,-,1)})");
        assertThat(nestedApplications(p)).containsExactly("AMD", "Set");
        assertThat(functions(p)).containsExactlyInAnyOrder("IFMODULE", "CUT", "CHANNEL");
        Priority set = new Priority(1, "c", "s", 1, "", "Set", "CHANNEL(hangup_handler_push)=x,1");
        assertThat(functions(set)).containsExactly("CHANNEL");
    }

    @Test
    void optionalModulesAreOnlyUsedBehindIfmodule() {
        for (Priority p : plan.priorities()) {
            for (String app : nestedApplications(p)) {
                if (OPTIONAL.containsKey(app)) {
                    assertThat(p.app()).as("line %d", p.line()).isEqualTo("ExecIf");
                    assertThat(p.args()).as("line %d", p.line())
                            .startsWith("$[${IFMODULE(" + OPTIONAL.get(app) + ")}]?" + app + "(");
                }
            }
            assertThat(OPTIONAL).as("line %d calls an optional application directly", p.line())
                    .doesNotContainKey(p.app());
        }
    }

    @Test
    void everyEntryPointTheAdapterUsesStartsAtPriorityOne() {
        ENTRY_POINTS.forEach((context, extensions) -> {
            assertThat(plan.contexts()).as("context %s", context).containsKey(context);
            for (String exten : extensions) {
                assertThat(plan.extension(context, exten)).as("%s,%s", context, exten)
                        .extracting(Priority::number).contains(1);
            }
        });
        assertThat(plan.contexts().keySet()).containsExactlyInAnyOrderElementsOf(ENTRY_POINTS.keySet());
    }

    @Test
    void everyConfBridgeProfileTheDialplanNamesExistsWithItsType() {
        List<Priority> confbridges = plan.priorities().stream().filter(p -> p.app().equals("ConfBridge")).toList();
        assertThat(confbridges).hasSize(2);
        for (Priority p : confbridges) {
            List<String> args = p.argList();
            assertThat(args).as("line %d: conference, bridge, user and menu profile", p.line()).hasSize(4);
            assertThat(args.get(0)).startsWith("switchboard-agent-${SWITCHBOARD_AGENT}");
            assertThat(confbridgeTypes).as("line %d", p.line())
                    .containsEntry(args.get(1), "bridge")
                    .containsEntry(args.get(2), "user")
                    .containsEntry(args.get(3), "menu");
        }
    }

    @Test
    void theAgentIsMarkedAndTheCustomerLeavesWithTheAgent() throws IOException {
        Map<String, Map<String, String>> sections =
                sections(Files.readString(Path.of("asterisk/confbridge_switchboard.conf")));
        assertThat(sections.get("switchboard_agent")).containsEntry("marked", "yes").containsEntry("quiet", "yes");
        assertThat(sections.get("switchboard_customer")).containsEntry("end_marked", "yes")
                .containsEntry("wait_marked", "no").containsEntry("quiet", "yes");
    }

    @Test
    void userEventBodiesNeverRepeatAStandardHeader() {
        Map<String, List<String>> shipped = UserEvents.sentBy(plan);
        assertThat(shipped.keySet()).containsExactlyInAnyOrder("InboundCall", "CallerOnHold", "AgentDialResult",
                "AgentSessionStarted", "AgentSessionEnded", "AgentLogin", "AgentLogout", "AMD", "SafeHarbour",
                "AMDMessageLeft", "CallTransferred", "CallbackRequested", "BroadcastPlayed");
        shipped.forEach((name, fields) -> {
            assertThat(fields).as(name).doesNotContainAnyElementsOf(UserEvents.STANDARD_HEADERS);
            assertThat(new LinkedHashSet<>(fields)).as("%s has no field twice", name).hasSameSizeAs(fields);
        });
    }

    @Test
    void theStandardHeaderListIsWhatARealUserEventCarries() {
        Set<String> recorded = new LinkedHashSet<>();
        for (var message : Fixtures.messages(Fixtures.HOLD_AND_REDIRECT)) {
            if (!message.get(0).getValue().equals("UserEvent")) {
                continue;
            }
            for (var header : message) {
                if (header.getKey().equals("UserEvent")) {
                    break;
                }
                recorded.add(header.getKey());
            }
        }
        assertThat(recorded).isNotEmpty();
        assertThat(UserEvents.STANDARD_HEADERS).containsAll(recorded);
    }

    @Test
    void amdResultsAndTheSafeHarbourAreReportedInTheOutboundContext() {
        List<Priority> steps = plan.extension("switchboard-outbound", "s");
        List<String> apps = steps.stream().map(p -> p.app() + ":" + p.args()).toList();
        assertThat(apps).anySatisfy(a -> assertThat(a).startsWith("UserEvent:AMD,"));
        assertThat(apps).anySatisfy(a -> assertThat(a).startsWith("UserEvent:SafeHarbour,"));
        assertThat(apps).anySatisfy(a -> assertThat(a).contains("${SWITCHBOARD_SAFE_HARBOUR}"));
        assertThat(apps).anySatisfy(a -> assertThat(a).contains("\"${SWITCHBOARD_MACHINE_ACTION}\""));
        // the safe-harbour event is sent before the message, so a caller who hangs up during it still counts
        int event = indexOf(apps, "UserEvent:SafeHarbour,");
        int message = indexOf(apps, "Playback:${IF($[\"${SWITCHBOARD_SAFE_HARBOUR}\"");
        assertThat(event).isNotNegative().isLessThan(message);
    }

    @Test
    void spyModesUseTheDocumentedChanSpyOptions() {
        Map<String, String> expected = Map.of("listen", "q", "whisper", "qw", "barge", "qB");
        expected.forEach((mode, options) -> assertThat(plan.extension("switchboard-spy", mode).get(0).args())
                .as(mode).startsWith("SWITCHBOARD_SPY_OPTIONS=" + options).matches("SWITCHBOARD_SPY_OPTIONS=" + options + "E"));
        assertThat(plan.extension("switchboard-spy", "spy")).extracting(Priority::app).contains("ChanSpy");
    }

    @Test
    void theReadmeAndTheFileHeaderDocumentEveryContextAndUserEvent() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String header = Files.readString(Path.of("asterisk/extensions_switchboard.conf")).lines()
                .takeWhile(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n");
        for (String context : ENTRY_POINTS.keySet()) {
            assertThat(readme).as("README").contains("`" + context);
            assertThat(header).as("file header").contains(context);
        }
        UserEvents.sentBy(plan).forEach((name, fields) -> {
            assertThat(readme).as("README").contains("| `" + name + "` |");
            assertThat(header).as("file header").containsPattern(";\\s+" + name + "\\s");
            fields.forEach(f -> assertThat(readme).as("README field %s.%s", name, f).contains("`" + f + "`"));
        });
    }

    private static int indexOf(List<String> steps, String prefix) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Applications run by ExecIf (true and false branch). */
    static List<String> nestedApplications(Priority p) {
        List<String> apps = new ArrayList<>();
        if (p.app().equals("ExecIf")) {
            int question = Args.lastTopLevel(p.args(), '?');
            String branches = question < 0 ? "" : p.args().substring(question);
            for (String branch : Args.split(branches.substring(Math.min(1, branches.length())), ':')) {
                Matcher app = SET_FUNCTION.matcher(branch.strip());
                if (app.find()) {
                    apps.add(app.group(1));
                }
            }
        }
        return apps;
    }

    /** Functions read with ${NAME(...)} anywhere, or written with Set(NAME(...)=...), also inside ExecIf. */
    static Set<String> functions(Priority p) {
        Set<String> found = new LinkedHashSet<>();
        Matcher read = FUNCTION.matcher(p.args());
        while (read.find()) {
            found.add(read.group(1));
        }
        List<String> sets = new ArrayList<>();
        if (p.app().equals("Set")) {
            sets.add(p.args());
        }
        Matcher nested = NESTED_APP.matcher(p.args());
        while (nested.find()) {
            if (nested.group(1).equals("Set")) {
                sets.add(p.args().substring(nested.end()));
            }
        }
        for (String set : sets) {
            Matcher written = SET_FUNCTION.matcher(set.strip());
            if (written.find()) {
                found.add(written.group(1));
            }
        }
        return found;
    }

    private static Map<String, String> sectionTypes(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        sections(text).forEach((name, settings) -> types.put(name, settings.getOrDefault("type", "")));
        return types;
    }

    /** An Asterisk .conf file: [section] and key = value lines, comments after ';'. */
    static Map<String, Map<String, String>> sections(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : text.split("\r?\n")) {
            String line = AsteriskDialplan.stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new LinkedHashMap<>();
                sections.put(line.substring(1, line.length() - 1).strip(), current);
            } else if (current != null && line.contains("=")) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } else {
                throw new IllegalArgumentException("cannot read line: " + line);
            }
        }
        return sections;
    }
}

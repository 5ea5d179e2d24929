package io.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.switchboard.dialplan.FreeswitchDialplan.Action;
import io.switchboard.dialplan.FreeswitchDialplan.Condition;
import io.switchboard.dialplan.FreeswitchDialplan.Extension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole shipped FreeSWITCH glue: well-formed, only applications a stock FreeSWITCH 1.10 has,
 * every entry point the adapter uses, the event contract in the header comment and the README
 * exactly as fired, and every transfer landing in an extension.
 */
class FreeswitchGlueTest {

    static final Path ROOT = Path.of("freeswitch");
    static final Path CONTEXT = ROOT.resolve("dialplan/switchboard.xml");
    static final Path DIDS = ROOT.resolve("dialplan/public/00_switchboard.xml");
    static final Path FEATURES = ROOT.resolve("dialplan/default/00_switchboard_features.xml");
    static final Path EVENT_SOCKET = ROOT.resolve("autoload_configs/event_socket.conf.xml");

    static final Map<String, String> APPLICATIONS = Freeswitch110.APPLICATIONS;
    static final Map<String, String> OPTIONAL = Freeswitch110.OPTIONAL;

    /** What the adapter (and the admin's DID and feature files) transfer into. */
    static final Set<String> ENTRY_POINTS = Set.of("switchboard_inbound", "switchboard_hold", "switchboard_connect",
            "switchboard_agent_session", "switchboard_outbound", "switchboard_spy_listen", "switchboard_spy_whisper",
            "switchboard_spy_barge", "switchboard_transfer", "switchboard_announce", "switchboard_exit", "switchboard_callback",
            "*70", "*71", "*72");

    /** Values a variable in a transfer target can take. */
    static final Map<String, List<String>> TARGET_VALUES = Map.of(
            "${amd_result}", List.of("HUMAN", "MACHINE", "NOTSURE", "NOTBUILT"),
            "$1", List.of("*70", "*71", "*72"));

    private static final Pattern TRANSFER = Pattern.compile("^(\\S+) XML (\\S+)$");
    private static final Pattern AFTER_BRIDGE = Pattern.compile("^transfer_after_bridge=(\\S+):XML:(\\S+)$");
    private static final Pattern AMD_ON = Pattern.compile("^amd_on_[a-z]+=transfer:(\\S+) XML (\\S+)$");
    private static final Pattern READ_VARIABLE = Pattern.compile("\\$\\{(switchboard_[a-z_]+)\\}");
    private static final Pattern SET_VARIABLE = Pattern.compile("^(switchboard_[a-z_]+)=");

    private static FreeswitchDialplan context;
    private static List<Extension> all;
    private static GlueContract contract;

    @BeforeAll
    static void readShippedFiles() throws Exception {
        context = FreeswitchDialplan.read(CONTEXT, "switchboard");
        all = new ArrayList<>(context.extensions());
        all.addAll(FreeswitchDialplan.read(DIDS, "public").extensions());
        all.addAll(FreeswitchDialplan.read(FEATURES, "default").extensions());
        contract = GlueContract.parse(context.headerComment());
    }

    @Test
    void everyXmlFileIsWellFormed() throws IOException {
        List<Path> files;
        try (var walk = Files.walk(ROOT)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        assertThat(files).contains(CONTEXT, DIDS, FEATURES, EVENT_SOCKET);
        for (Path file : files) {
            assertThatCode(() -> Xml.read(file)).as(file.toString()).doesNotThrowAnyException();
        }
    }

    @Test
    void usesOnlyApplicationsOfAStockFreeswitch110() {
        Set<String> used = new TreeSet<>();
        all.forEach(e -> e.allActions().forEach(a -> used.add(a.application())));
        assertThat(used).isSubsetOf(APPLICATIONS.keySet());
    }

    @Test
    void optionalModulesAreOnlyUsedBehindModuleExists() {
        for (Extension e : all) {
            for (Condition c : e.conditions()) {
                for (Action a : c.actions()) {
                    if (OPTIONAL.containsKey(a.application())) {
                        assertThat(c.field()).as(e.name()).isEqualTo("${module_exists(" + OPTIONAL.get(a.application()) + ")}");
                        assertThat(c.expression()).as(e.name()).isEqualTo("^true$");
                    }
                }
                assertThat(c.antiActions()).extracting(Action::application).as(e.name())
                        .doesNotContainAnyElementsOf(OPTIONAL.keySet());
            }
        }
    }

    @Test
    void everyConditionIsAFieldFreeswitchKnowsWithAValidExpression() {
        for (Extension e : all) {
            assertThat(e.destination()).as("%s selects on destination_number first", e.name()).isPresent();
            for (Condition c : e.conditions()) {
                assertThat(c.field()).as(e.name()).matches("destination_number|\\$\\{.+\\}(\\|\\$\\{.+\\})*");
                assertThat(c.breakOn()).as(e.name()).isIn("on-false", "on-true", "never");
                assertThatCode(c::pattern).as(e.name()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyEntryPointTheAdapterUsesIsDocumentedAndAnswered() {
        assertThat(contract.entryPoints()).containsExactlyInAnyOrderElementsOf(ENTRY_POINTS);
        for (String entry : ENTRY_POINTS) {
            assertThat(context.hunt("switchboard", entry)).as(entry).isPresent();
        }
        assertThat(all).filteredOn(e -> e.context().equals("switchboard")).hasSameSizeAs(context.extensions());
    }

    @Test
    void everyTransferLandsInAnExtension() {
        int checked = 0;
        for (Extension e : all) {
            for (Action a : e.allActions()) {
                for (String[] target : transferTargets(a)) {
                    if (!target[1].equals("switchboard")) {
                        continue;
                    }
                    for (String number : expand(target[0])) {
                        assertThat(context.hunt("switchboard", number)).as("%s: %s %s", e.name(), a.application(), number)
                                .isPresent();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void aCallerSentOutOfTheQueueGoesToTheAdminsExtensionOrIsHungUp() {
        Extension exit = context.hunt("switchboard", "switchboard_exit").orElseThrow();
        assertThat(exit.allActions()).extracting(Action::application, Action::data).contains(
                org.assertj.core.groups.Tuple.tuple("unset", "transfer_after_bridge"),
                org.assertj.core.groups.Tuple.tuple("transfer", "$1 XML $2"),
                org.assertj.core.groups.Tuple.tuple("hangup", "NORMAL_CLEARING"));
    }

    @Test
    void theAmdResultsGoWhereTheContractSays() {
        assertThat(context.hunt("switchboard", "switchboard_outbound_MACHINE")).get()
                .extracting(Extension::name).isEqualTo("switchboard_outbound_machine");
        for (String live : List.of("HUMAN", "NOTSURE", "NOTBUILT")) {
            // an agentless campaign's broadcast comes first, and only answers with switchboard_broadcast set
            assertThat(context.extensions().stream().filter(e -> e.context().equals("switchboard")
                    && e.answers("switchboard_outbound_" + live)).map(Extension::name).toList()).as(live)
                    .containsExactly("switchboard_outbound_broadcast", "switchboard_outbound_live");
        }
        Extension broadcast = context.hunt("switchboard", "switchboard_outbound_HUMAN").orElseThrow();
        assertThat(broadcast.conditions().get(1).field()).isEqualTo("${switchboard_broadcast}");
        assertThat(broadcast.conditions().get(1).expression()).isEqualTo("^.+$");
        assertThat(context.hunt("switchboard", "switchboard_outbound_decide")).get()
                .extracting(Extension::name).isEqualTo("switchboard_outbound_decide");
    }

    @Test
    void theDidAndFeatureFilesOnlyEnterTheDocumentedEntryPoints() throws Exception {
        for (Extension e : all) {
            if (e.context().equals("switchboard")) {
                continue;
            }
            for (Action a : e.allActions()) {
                for (String[] target : transferTargets(a)) {
                    assertThat(target[1]).isEqualTo("switchboard");
                    assertThat(expand(target[0])).as(e.name()).isSubsetOf(ENTRY_POINTS);
                }
            }
        }
    }

    @Test
    void everyFiredEventIsInTheContractWithExactlyItsHeaders() {
        Map<String, List<String>> fired = firedEvents();
        assertThat(fired).containsExactlyInAnyOrderEntriesOf(contract.events());
        assertThat(fired.keySet()).containsExactlyInAnyOrder("switchboard::inbound_call",
                "switchboard::caller_on_hold", "switchboard::agent_dial_result", "switchboard::agent_session_started",
                "switchboard::agent_login", "switchboard::agent_logout", "switchboard::amd",
                "switchboard::safe_harbour", "switchboard::amd_message_left", "switchboard::call_transferred",
                "switchboard::callback", "switchboard::broadcast");
    }

    @Test
    void theReadmeContractTableIsTheHeaderComment() throws IOException {
        Map<String, List<String>> readme = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `(switchboard::[a-z_]+)` \\| ([^|]*) \\|.*$");
        for (String line : Files.readString(Path.of("README.md")).split("\n")) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                List<String> headers = new ArrayList<>();
                Matcher h = Pattern.compile("Switchboard-[A-Za-z-]+[A-Za-z]").matcher(m.group(2));
                while (h.find()) {
                    headers.add(h.group());
                }
                readme.put(m.group(1), headers);
            }
        }
        assertThat(readme).containsExactlyInAnyOrderEntriesOf(contract.events());
    }

    @Test
    void everySwitchboardVariableReadIsSetByTheGlueOrADocumentedInput() {
        Set<String> set = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        for (Extension e : all) {
            for (Condition c : e.conditions()) {
                collect(READ_VARIABLE, c.field(), read);
            }
            for (Action a : e.allActions()) {
                collect(READ_VARIABLE, a.data(), read);
                if (a.application().equals("set")) {
                    collect(SET_VARIABLE, a.data(), set);
                }
            }
        }
        Set<String> unexplained = new TreeSet<>(read);
        unexplained.removeAll(set);
        unexplained.removeAll(contract.inputs());
        assertThat(unexplained).isEmpty();
    }

    @Test
    void everyExtensionNamesItsInputVariablesInTheCommentBeforeIt() {
        for (Extension e : context.extensions()) {
            assertThat(e.comment()).as("%s has an In: comment", e.name()).contains("In:");
            Set<String> read = new TreeSet<>();
            Set<String> set = new TreeSet<>();
            for (Condition c : e.conditions()) {
                collect(READ_VARIABLE, c.field(), read);
            }
            for (Action a : e.allActions()) {
                collect(READ_VARIABLE, a.data(), read);
                if (a.application().equals("set")) {
                    collect(SET_VARIABLE, a.data(), set);
                }
            }
            read.removeAll(set);
            for (String variable : read) {
                assertThat(e.comment()).as("%s documents %s", e.name(), variable).contains(variable);
            }
        }
    }

    @Test
    void listeningIsSilentWhisperReachesOnlyTheAgentAndBargeBothSides() {
        Map<String, String> expected = Map.of(
                "switchboard_spy_listen", "false/false",
                "switchboard_spy_whisper", "false/true",
                "switchboard_spy_barge", "true/true");
        expected.forEach((number, whisper) -> {
            Map<String, String> vars = new LinkedHashMap<>();
            context.hunt("switchboard", number).orElseThrow().allActions().stream()
                    .filter(a -> a.application().equals("set") && a.data().startsWith("eavesdrop_"))
                    .forEach(a -> vars.put(a.data().substring(0, a.data().indexOf('=')), a.data().substring(a.data().indexOf('=') + 1)));
            assertThat(vars.get("eavesdrop_whisper_aleg") + "/" + vars.get("eavesdrop_whisper_bleg")).as(number).isEqualTo(whisper);
            assertThat(vars).as(number).containsEntry("eavesdrop_enable_dtmf", "false");
        });
    }

    @Test
    void noInlineTransferSplitsAnArgumentOnAComma() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Extension e : all) {
            e.allActions().stream().filter(a -> a.application().equals("transfer"))
                    .map(a -> InlineDialplan.stepsOf(a.data())).filter(s -> s != null).forEach(inline::add);
        }
        for (String line : Files.readString(Path.of("README.md")).split("\n")) {
            Matcher m = Pattern.compile("`(uuid_transfer [^`]+ inline)`").matcher(line);
            while (m.find()) {
                inline.add(InlineDialplan.stepsOf(m.group(1)));
            }
        }
        assertThat(inline).as("the README documents at least one inline transfer").isNotEmpty();
        for (String steps : inline) {
            assertThat(InlineDialplan.problems(steps, APPLICATIONS.keySet())).as(steps).isEmpty();
        }
    }

    @Test
    void eventApplicationArgumentsSplitIntoWholeHeaders() {
        for (Action a : eventActions()) {
            for (String pair : a.data().split(",")) {
                assertThat(pair).as(a.data()).matches("[A-Za-z][A-Za-z-]*=.*");
                String name = pair.substring(0, pair.indexOf('='));
                assertThat(name).as(a.data()).matches("Event-Name|Event-Subclass|Switchboard-[A-Za-z-]+");
            }
            assertThat(a.data()).startsWith("Event-Name=CUSTOM,Event-Subclass=switchboard::");
        }
    }

    @Test
    void theCallerWaitsWithMusicAndTheNailedAgentLegSurvivesItsCalls() {
        Extension hold = context.hunt("switchboard", "switchboard_hold").orElseThrow();
        assertThat(hold.allActions()).extracting(Action::application).endsWith("endless_playback");
        Extension session = context.hunt("switchboard", "switchboard_agent_session").orElseThrow();
        assertThat(session.allActions()).extracting(a -> a.application() + " " + a.data())
                .contains("set park_after_bridge=true", "set switchboard_session=${switchboard_agent}");
        assertThat(session.allActions()).filteredOn(a -> !a.anti()).extracting(Action::application).endsWith("park");
    }

    @Test
    void eventSocketListensOnLoopbackBehindAnAclWithAPlaceholderPassword() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        var doc = Xml.read(EVENT_SOCKET);
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("event_socket.conf");
        Xml.elements(doc.getDocumentElement(), "param").forEach(p -> params.put(p.getAttribute("name"), p.getAttribute("value")));
        assertThat(params.get("password")).isNotBlank().isNotEqualToIgnoringCase("ClueCon").isEqualTo("CHANGE-ME");
        assertThat(params.get("listen-ip")).isNotIn("0.0.0.0", "::", "[::]", "").isEqualTo("127.0.0.1");
        assertThat(params).containsEntry("apply-inbound-acl", "loopback.auto");
    }

    @Test
    void transferTargetsWithAVariableExpandToEveryValue() {
        assertThat(expand("switchboard_outbound_${amd_result}")).containsExactly("switchboard_outbound_HUMAN",
                "switchboard_outbound_MACHINE", "switchboard_outbound_NOTSURE", "switchboard_outbound_NOTBUILT");
    }

    static List<String[]> transferTargets(Action a) {
        List<String[]> targets = new ArrayList<>();
        Matcher m = TRANSFER.matcher(a.data());
        if (a.application().equals("transfer") && m.matches()) {
            targets.add(new String[] {m.group(1), m.group(2)});
        }
        if (a.application().equals("set")) {
            for (Pattern p : List.of(AFTER_BRIDGE, AMD_ON)) {
                Matcher s = p.matcher(a.data());
                if (s.matches()) {
                    targets.add(new String[] {s.group(1), s.group(2)});
                }
            }
        }
        return targets;
    }

    static List<String> expand(String target) {
        for (var values : TARGET_VALUES.entrySet()) {
            if (target.contains(values.getKey())) {
                return values.getValue().stream().map(v -> target.replace(values.getKey(), v)).toList();
            }
        }
        return List.of(target);
    }

    private static List<Action> eventActions() {
        return all.stream().flatMap(e -> e.allActions().stream()).filter(a -> a.application().equals("event")).toList();
    }

    private static Map<String, List<String>> firedEvents() {
        Map<String, List<String>> fired = new LinkedHashMap<>();
        for (Action a : eventActions()) {
            String subclass = null;
            List<String> headers = new ArrayList<>();
            for (String pair : a.data().split(",")) {
                String name = pair.substring(0, pair.indexOf('='));
                if (name.equals("Event-Subclass")) {
                    subclass = pair.substring(pair.indexOf('=') + 1);
                } else if (name.startsWith("Switchboard-")) {
                    headers.add(name);
                }
            }
            List<String> before = fired.putIfAbsent(subclass, headers);
            assertThat(before == null || before.equals(headers)).as("%s fired with different headers", subclass).isTrue();
        }
        return fired;
    }

    private static void collect(Pattern p, String text, Set<String> into) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}

package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link SwitchboardGlue} in step with the shipped {@code dialplan/freeswitch/dialplan/switchboard.xml}:
 * every extension the XML has is routed, and every {@code event} the XML fires is fired with the same
 * argument by the mirror (a change to the glue fails here until the mirror follows).
 */
class SwitchboardGlueDriftTest {

    private static final Pattern DESTINATION = Pattern.compile("field=\"destination_number\" expression=\"\\^([^\"]+)\\$\"");
    private static final Pattern EVENT = Pattern.compile("application=\"event\" data=\"([^\"]+)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final FsDialplan glue = FsDialplan.switchboardWithAmd();

    @Test
    void every_extension_of_the_shipped_glue_is_routed() throws Exception {
        Set<String> destinations = new LinkedHashSet<>();
        Matcher m = DESTINATION.matcher(xml());
        while (m.find()) {
            destinations.add(m.group(1).replace("\\*", "*").replace("[A-Z]+", "NOTSURE"));
        }

        assertThat(destinations).hasSizeGreaterThan(15);
        for (String destination : destinations) {
            assertThat(glue.route("switchboard", destination, full())).as(destination).isPresent();
            assertThat(glue.route("switchboard", destination, empty())).as(destination).isPresent();
        }
    }

    @Test
    void every_event_of_the_shipped_glue_is_fired_with_the_same_argument() throws Exception {
        Set<String> shipped = new LinkedHashSet<>();
        Matcher m = EVENT.matcher(xml());
        while (m.find()) {
            shipped.add(m.group(1).replace("$1", "2000").replace("$2", "admin"));
        }
        Set<String> mirrored = new LinkedHashSet<>();
        Matcher d = DESTINATION.matcher(xml());
        while (d.find()) {
            String destination = d.group(1).replace("\\*", "*").replace("[A-Z]+", "NOTSURE");
            for (UnaryOperator<String> x : List.of(full(), empty())) {
                glue.route("switchboard", destination, x).orElseThrow().stream()
                        .filter(a -> a.application().equals("event")).forEach(a -> mirrored.add(a.data()));
            }
        }

        assertThat(mirrored).containsExactlyInAnyOrderElementsOf(shipped);
    }

    private static String xml() throws Exception {
        Path file = Paths.get(System.getProperty("user.dir")).resolve("../dialplan/freeswitch/dialplan/switchboard.xml").normalize();
        return Files.readString(file);
    }

    /**
     * A channel with every variable set: the success paths (SUCCESS, a transfer target, a machine message, an
     * opt-out key pressed).
     */
    private static UnaryOperator<String> full() {
        return text -> VARIABLE.matcher(text.replace("${uuid_exists(", "${uuid_exists_").replace(")}", "}"))
                .replaceAll(v -> switch (v.group(1)) {
                    case "originate_disposition" -> "SUCCESS";
                    case "switchboard_machine_action" -> "message";
                    case "switchboard_transfer_target" -> "2000";
                    case "switchboard_transfer_context" -> "admin";
                    case "switchboard_exit_target" -> "8001";
                    case "switchboard_exit_context" -> "voicemail";
                    case "switchboard_agent" -> "a17";
                    case "switchboard_opt_out_key", "switchboard_opt_out_digit" -> "9";
                    default -> v.group(1).startsWith("uuid_exists_") ? "true" : "x";
                });
    }

    /** A channel with no variables set: the default and failure paths. */
    private static UnaryOperator<String> empty() {
        return text -> text.replaceAll("\\$\\{[^}]*}", "");
    }
}

package io.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checkers behind FreeswitchGlueTest catch what they are for. */
class FreeswitchCheckersTest {

    private static final Set<String> APPS = Freeswitch110.APPLICATIONS.keySet();

    @Test
    void anInlineTransferLikeTheRecordedOneIsFine() {
        String steps = InlineDialplan.stepsOf("uuid_transfer U set:cti_inline=yes,playback:silence_stream://300,park inline");
        assertThat(steps).isEqualTo("set:cti_inline=yes,playback:silence_stream://300,park");
        assertThat(InlineDialplan.problems(steps, APPS)).isEmpty();
    }

    @Test
    void aToneWithCommasInAnInlineTransferIsCaught() {
        String steps = InlineDialplan.stepsOf("uuid_transfer U 'playback:tone_stream://%(100,50,600),park' inline");
        assertThat(InlineDialplan.problems(steps, APPS)).hasSize(2);
    }

    @Test
    void theDelimiterSyntaxAllowsCommas() {
        assertThat(InlineDialplan.problems("m:^:playback:tone_stream://%(100,50,600)^park", APPS)).isEmpty();
    }

    @Test
    void aTransferToAnXmlContextIsNotInline() {
        assertThat(InlineDialplan.stepsOf("switchboard_hold XML switchboard")).isNull();
        assertThat(InlineDialplan.stepsOf("uuid_transfer U 7100 XML default")).isNull();
    }

    @Test
    void theContractReadsEntryPointsInputsAndEventHeaders() {
        GlueContract contract = GlueContract.parse("""
                  Entry points (destination numbers):
                    switchboard_a               from x. In: switchboard_one (required),
                                                switchboard_two.
                    switchboard_b, switchboard_c
                                                In: switchboard_three.
                    *70, *71                    codes
                  Internal steps: switchboard_internal.
                  Events:
                    switchboard::first           Switchboard-A, Switchboard-B-C
                                                 Reason: NEW, or what Switchboard set.
                    switchboard::second          Switchboard-D,
                                                 Switchboard-E
                  Not an event of ours: switchboard::none Switchboard-F
                """);
        assertThat(contract.entryPoints()).containsExactly("switchboard_a", "switchboard_b", "switchboard_c", "*70", "*71");
        assertThat(contract.inputs()).containsExactly("switchboard_one", "switchboard_two", "switchboard_three");
        assertThat(contract.events()).containsExactly(
                java.util.Map.entry("switchboard::first", List.of("Switchboard-A", "Switchboard-B-C")),
                java.util.Map.entry("switchboard::second", List.of("Switchboard-D", "Switchboard-E")));
    }
}

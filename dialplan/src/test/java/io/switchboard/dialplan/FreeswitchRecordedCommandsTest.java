package io.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README says which ESL commands the FreeSWITCH control model rests on were recorded on a real
 * 1.10.12; these tests hold that claim, and the inline-transfer check, to the transcripts.
 */
class FreeswitchRecordedCommandsTest {

    private static final List<String> SENT = Fixtures.freeswitchCommandsSent();

    @Test
    void theCommandsTheControlModelNamesAsRecordedWereSentToARealFreeswitch() {
        assertThat(SENT).anyMatch(c -> c.startsWith("api uuid_bridge "));
        assertThat(SENT).anyMatch(c -> c.startsWith("api uuid_transfer ") && c.endsWith(" XML default"));
        assertThat(SENT).anyMatch(c -> c.startsWith("api uuid_transfer ") && c.endsWith(" inline"));
        assertThat(SENT).anyMatch(c -> c.startsWith("bgapi originate {origination_uuid="));
        assertThat(SENT).anyMatch(c -> c.startsWith("bgapi originate {") && c.contains("park_after_bridge=true"));
        assertThat(SENT).anyMatch(c -> c.startsWith("bgapi originate {") && c.contains("originate_timeout="));
        assertThat(SENT).anyMatch(c -> c.startsWith("api uuid_record ") && c.contains(" start "));
        assertThat(SENT).anyMatch(c -> c.startsWith("api uuid_record ") && c.contains(" stop "));
        assertThat(SENT).anyMatch(c -> c.contains("&eavesdrop("));
        assertThat(SENT).anyMatch(c -> c.startsWith("sendmsg "));
        assertThat(SENT).anyMatch(c -> c.startsWith("api uuid_kill "));
    }

    @Test
    void theRecordedInlineTransferPassesTheCommaCheck() {
        List<String> inline = SENT.stream().filter(c -> c.startsWith("api uuid_transfer ") && c.endsWith(" inline"))
                .map(c -> InlineDialplan.stepsOf(c.substring("api ".length()))).toList();
        assertThat(inline).isNotEmpty();
        inline.forEach(steps -> assertThat(InlineDialplan.problems(steps, Freeswitch110.APPLICATIONS.keySet())).isEmpty());
    }
}

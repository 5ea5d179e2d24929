package io.switchboard.queue.selection;

import io.switchboard.core.id.PbxId;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PbxReachTest {

    private static final PbxId AST = PbxId.of("ast");
    private static final PbxId FS = PbxId.of("fs");
    private final PbxReach reach = new PbxReach(Map.of(AST, Map.of(FS, "PJSIP/{device}@trunk-fs"),
            FS, Map.of(AST, "sofia/gateway/trunk-ast/{device}")), Map.of("pjsip", AST, "user", FS));

    @Test
    void a_device_on_the_callers_own_pbx_is_dialled_as_it_is() {
        assertThat(reach.dialString(AST, AST, "PJSIP/1001")).contains("PJSIP/1001");
    }

    @Test
    void a_device_on_another_pbx_is_dialled_through_the_trunk_with_its_user_part() {
        assertThat(reach.dialString(AST, FS, "user/1001@default")).contains("PJSIP/1001@trunk-fs");
        assertThat(reach.dialString(FS, AST, "PJSIP/2001")).contains("sofia/gateway/trunk-ast/2001");
    }

    @Test
    void without_a_trunk_there_is_no_dial_string() {
        assertThat(new PbxReach(Map.of(AST, Map.of(FS, "IAX2/b/{device}")), Map.of()).dialString(FS, AST, "SIP/1"))
                .isEmpty();
    }

    @Test
    void the_user_part_is_what_follows_the_last_slash_up_to_an_at() {
        assertThat(PbxReach.userPart("SIP/agent-7")).isEqualTo("agent-7");
        assertThat(PbxReach.userPart("IAX2/peer/1001")).isEqualTo("1001");
        assertThat(PbxReach.userPart("sofia/internal/1001@10.0.0.5:5060")).isEqualTo("1001");
        assertThat(PbxReach.userPart("{origination_caller_id_number=1}user/1002@default")).isEqualTo("1002");
    }

    @Test
    void a_technology_spoken_by_one_pbx_places_a_device_there() {
        assertThat(reach.byTechnology("PJSIP/1001")).contains(AST);
        assertThat(reach.byTechnology("[leg_timeout=5]user/1001@default")).contains(FS);
        assertThat(reach.byTechnology("SIP/1001")).isEmpty();
        assertThat(reach.byTechnology("1001")).isEmpty();
    }

    @Test
    void scope_and_trunks_decide_across_pbxs_and_unknowns_are_admitted() {
        assertThat(reach.admits(AgentScope.LOCAL, Optional.of(AST), Optional.of(FS))).isFalse();
        assertThat(reach.admits(AgentScope.ANY, Optional.of(AST), Optional.of(FS))).isTrue();
        assertThat(reach.admits(AgentScope.ANY, Optional.of(AST), Optional.of(PbxId.of("far")))).isFalse();
        assertThat(reach.admits(AgentScope.LOCAL, Optional.of(AST), Optional.of(AST))).isTrue();
        assertThat(reach.admits(AgentScope.LOCAL, Optional.empty(), Optional.of(FS))).isTrue();
        assertThat(reach.admits(AgentScope.LOCAL, Optional.of(AST), Optional.empty())).isTrue();
    }

    @Test
    void a_trunk_must_lead_elsewhere_and_carry_the_device() {
        assertThatThrownBy(() -> new PbxReach(Map.of(AST, Map.of(AST, "PJSIP/{device}")), Map.of()))
                .hasMessageContaining("itself");
        assertThatThrownBy(() -> new PbxReach(Map.of(AST, Map.of(FS, "PJSIP/1001@trunk")), Map.of()))
                .hasMessageContaining("{device}");
    }
}

package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.id.PbxId;
import io.switchboard.queue.selection.AgentScope;
import io.switchboard.queue.selection.PbxReach;
import io.switchboard.server.pbx.PbxReaches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pbx[].trunks}: how one attached PBX rings the agents of another, checked at load with the key named. */
class PbxTrunksConfigTest {

  private static final String TWO = """
      pbx:
        - name: main
          type: asterisk
          host: pbx1
          trunks:
            - {to: fs, dial: 'PJSIP/{device}@trunk-fs'}
        - name: fs
          type: freeswitch
          host: fs1
      """;

  @TempDir Path dir;

  private SwitchboardConfig load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(Files.writeString(dir.resolve("config.yaml"), yaml), env).config();
  }

  @Test
  void an_entry_has_no_trunks_unless_given() throws IOException {
    assertThat(load("pbx:\n  - {name: main, type: asterisk, host: pbx1}\n", Map.of()).pbx().get(0).trunks())
        .isEmpty();
  }

  @Test
  void trunks_bind_from_the_file_and_the_environment() throws IOException {
    SwitchboardConfig config = load(TWO, Map.of("SWITCHBOARD_PBX_1_TRUNKS_0_TO", "main",
        "SWITCHBOARD_PBX_1_TRUNKS_0_DIAL", "sofia/gateway/trunk-ast/{device}"));

    assertThat(config.pbx().get(0).trunks()).containsExactly(new PbxTrunk("fs", "PJSIP/{device}@trunk-fs"));
    assertThat(config.pbx().get(1).trunks())
        .containsExactly(new PbxTrunk("main", "sofia/gateway/trunk-ast/{device}"));
  }

  @Test
  void the_routers_reach_dials_through_the_trunks_and_places_devices_by_the_only_pbx_of_their_technology()
      throws IOException {
    PbxReach reach = PbxReaches.of(load(TWO, Map.of()).pbx());
    PbxId main = PbxId.of("main");
    PbxId fs = PbxId.of("fs");

    assertThat(reach.dialString(main, fs, "user/1001@default")).contains("PJSIP/1001@trunk-fs");
    assertThat(reach.admits(AgentScope.ANY, Optional.of(fs), Optional.of(main))).as("no trunk back").isFalse();
    assertThat(reach.byTechnology("PJSIP/2001")).contains(main);
    assertThat(reach.byTechnology("user/1001@default")).contains(fs);
    assertThat(PbxReaches.of(load(TWO + "  - {name: main2, type: asterisk, host: pbx2}\n", Map.of()).pbx())
        .byTechnology("PJSIP/2001")).as("two Asterisks: the technology settles nothing").isEmpty();
  }

  @Test
  void a_trunk_to_no_other_entry_is_refused_naming_the_key() {
    assertThatThrownBy(() -> load(TWO.replace("to: fs", "to: fss"), Map.of()))
        .hasMessageContaining("key 'pbx[0].trunks[0].to' must be the name of another pbx entry; 'fss' is none of");
    assertThatThrownBy(() -> load(TWO.replace("to: fs", "to: main"), Map.of()))
        .hasMessageContaining("key 'pbx[0].trunks[0].to' must name another PBX, not this entry 'main'");
    assertThatThrownBy(() -> load(TWO.replace("to: fs,", "to: '',"), Map.of()))
        .hasMessageContaining("key 'pbx[0].trunks[0].to' is required");
    assertThatThrownBy(() -> load(TWO.replace("- {to: fs, dial: 'PJSIP/{device}@trunk-fs'}",
        "- {to: fs, dial: 'PJSIP/{device}@trunk-fs'}\n      - {to: fs, dial: 'IAX2/b/{device}'}"), Map.of())).hasMessageContaining("key 'pbx[0].trunks[1].to' 'fs' has a trunk already");
  }

  @Test
  void a_dial_string_without_the_device_or_with_spaces_is_refused_naming_the_key() {
    assertThatThrownBy(() -> load(TWO.replace("PJSIP/{device}@trunk-fs", "PJSIP/1001@trunk-fs"), Map.of()))
        .hasMessageContaining("key 'pbx[0].trunks[0].dial' must be a dial string holding {device}");
    assertThatThrownBy(() -> load(TWO.replace("PJSIP/{device}@trunk-fs", "PJSIP/{device} @trunk-fs"), Map.of()))
        .hasMessageContaining("key 'pbx[0].trunks[0].dial' must be a dial string holding {device}");
    assertThatThrownBy(() -> load(TWO.replace(", dial: 'PJSIP/{device}@trunk-fs'", ""), Map.of()))
        .hasMessageContaining("key 'pbx[0].trunks[0].dial'");
  }

  @Test
  void an_unknown_key_in_a_trunk_is_named() {
    assertThatThrownBy(() -> load(TWO.replace("dial:", "dail:"), Map.of()))
        .hasMessageContaining("pbx[0].trunks[0].dail");
  }

  @Test
  void the_keys_are_listed_with_their_variables() {
    assertThat(ConfigSchema.keys()).extracting(ConfigKey::envVar)
        .contains("SWITCHBOARD_PBX_<n>_TRUNKS_<n>_TO", "SWITCHBOARD_PBX_<n>_TRUNKS_<n>_DIAL");
    assertThat(List.of(ConfigSchema.keys().stream().map(ConfigKey::path).toArray()))
        .contains("pbx[].trunks[].to", "pbx[].trunks[].dial");
  }
}

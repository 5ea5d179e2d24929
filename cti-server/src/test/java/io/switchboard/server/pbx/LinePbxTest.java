package io.switchboard.server.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.PbxId;
import io.switchboard.server.config.PbxType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinePbxTest {

  private static final Map<PbxId, PbxType> ONE_ASTERISK = attached("main", PbxType.ASTERISK);
  private static final Map<PbxId, PbxType> ONE_OF_EACH = attached("main", PbxType.ASTERISK, "fs", PbxType.FREESWITCH);
  private static final Map<PbxId, PbxType> TWO_ASTERISKS = attached("east", PbxType.ASTERISK, "west", PbxType.ASTERISK);

  @Test
  void the_pbx_named_in_the_request_opens_the_line() {
    assertThat(LinePbx.choose(Optional.of("fs"), "PJSIP/1001", ONE_OF_EACH))
        .isEqualTo(new LinePbx.Chosen(PbxId.of("fs")));
  }

  @Test
  void a_requested_pbx_that_is_not_attached_is_refused_by_name() {
    LinePbx.Choice choice = LinePbx.choose(Optional.of("nope"), "PJSIP/1001", ONE_OF_EACH);

    assertThat(choice).isInstanceOfSatisfying(LinePbx.Refused.class, refused -> {
      assertThat(refused.errorId()).isEqualTo("pbx-not-attached");
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.message()).contains("'nope'").contains("main, fs");
    });
  }

  @Test
  void the_only_attached_pbx_opens_the_line_whatever_the_device_looks_like() {
    assertThat(LinePbx.choose(Optional.empty(), "user/1001", ONE_ASTERISK))
        .isEqualTo(new LinePbx.Chosen(PbxId.of("main")));
  }

  @Test
  void an_asterisk_device_picks_the_one_attached_asterisk() {
    for (String device : new String[] {"PJSIP/1001", "SIP/1001", "IAX2/peer/1001", "DAHDI/g1/1001",
        "Local/1001@agents", "pjsip/1001"}) {
      assertThat(LinePbx.choose(Optional.empty(), device, ONE_OF_EACH)).as(device)
          .isEqualTo(new LinePbx.Chosen(PbxId.of("main")));
    }
  }

  @Test
  void a_freeswitch_device_picks_the_one_attached_freeswitch() {
    for (String device : new String[] {"user/1001", "sofia/internal/1001@10.0.0.5", "loopback/1001",
        "verto.rtc/1001", "{origination_caller_id_number=100}user/1001", "[leg_timeout=20]sofia/internal/1001"}) {
      assertThat(LinePbx.choose(Optional.empty(), device, ONE_OF_EACH)).as(device)
          .isEqualTo(new LinePbx.Chosen(PbxId.of("fs")));
    }
  }

  @Test
  void two_pbxs_of_the_device_type_are_ambiguous_and_the_refusal_names_the_pbx_field() {
    LinePbx.Choice choice = LinePbx.choose(Optional.empty(), "PJSIP/1001", TWO_ASTERISKS);

    assertThat(choice).isInstanceOfSatisfying(LinePbx.Refused.class, refused -> {
      assertThat(refused.errorId()).isEqualTo("pbx-ambiguous");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.message()).contains("\"pbx\"").contains("east, west");
    });
  }

  @Test
  void a_device_of_no_known_technology_is_ambiguous_among_several_pbxs() {
    assertThat(LinePbx.choose(Optional.empty(), "1001", ONE_OF_EACH))
        .isInstanceOfSatisfying(LinePbx.Refused.class, refused -> assertThat(refused.errorId())
            .isEqualTo("pbx-ambiguous"));
  }

  @Test
  void a_device_whose_technology_no_attached_pbx_speaks_is_ambiguous_too() {
    assertThat(LinePbx.choose(Optional.empty(), "user/1001", TWO_ASTERISKS))
        .isInstanceOfSatisfying(LinePbx.Refused.class, refused -> assertThat(refused.errorId())
            .isEqualTo("pbx-ambiguous"));
  }

  @Test
  void nothing_attached_is_refused_as_a_conflict() {
    assertThat(LinePbx.choose(Optional.empty(), "PJSIP/1001", Map.of()))
        .isInstanceOfSatisfying(LinePbx.Refused.class, refused -> {
          assertThat(refused.errorId()).isEqualTo("pbx-not-attached");
          assertThat(refused.status()).isEqualTo(409);
        });
  }

  @Test
  void the_device_technology_is_read_as_each_pbx_writes_it() {
    assertThat(LinePbx.technologyOf("PJSIP/1001")).contains(PbxType.ASTERISK);
    assertThat(LinePbx.technologyOf("Pjsip/1001")).contains(PbxType.ASTERISK);
    assertThat(LinePbx.technologyOf("sofia/internal/1001")).contains(PbxType.FREESWITCH);
    assertThat(LinePbx.technologyOf("SOFIA/internal/1001")).isEmpty();
    assertThat(LinePbx.technologyOf("1001")).isEmpty();
  }

  private static Map<PbxId, PbxType> attached(Object... nameTypePairs) {
    Map<PbxId, PbxType> attached = new LinkedHashMap<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      attached.put(PbxId.of((String) nameTypePairs[i]), (PbxType) nameTypePairs[i + 1]);
    }
    return attached;
  }
}

package io.switchboard.server.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DeskCommandRouteTest {

  private static final CallId ON_FS1 = CallId.of("fs1/5f1c7a4e-0000-4000-8000-000000000001");
  private static final CallId ON_FS2 = CallId.of("fs2/5f1c7a4e-0000-4000-8000-000000000002");
  private static final Predicate<PbxId> OWNS_FS1 = pbx -> Set.of("fs1").contains(pbx.value());
  private static final Predicate<PbxId> OWNS_NOTHING = pbx -> false;

  private static Optional<JsonObject> board(CallId call, String phase) {
    return Optional.of(new JsonObject().put("callId", call.value()).put("phase", phase));
  }

  @Test
  void a_connected_call_on_a_pbx_this_node_acts_on_is_carried_out_here_without_the_board() {
    assertThat(DeskCommandRoute.decide(Optional.of(ON_FS1), Optional.empty(), OWNS_FS1))
        .isEqualTo(new DeskCommandRoute.Here(ON_FS1));
  }

  @Test
  void a_call_the_board_shows_connected_on_a_pbx_another_node_owns_goes_to_that_owner() {
    assertThat(DeskCommandRoute.decide(Optional.empty(), board(ON_FS2, "connected"), OWNS_FS1))
        .isEqualTo(new DeskCommandRoute.Owner(PbxId.of("fs2"), ON_FS2));
  }

  @Test
  void a_call_this_node_still_shows_on_a_pbx_it_lost_goes_to_the_owner_the_board_names() {
    assertThat(DeskCommandRoute.decide(Optional.of(ON_FS1), board(ON_FS2, "connected"), OWNS_NOTHING))
        .isEqualTo(new DeskCommandRoute.Owner(PbxId.of("fs2"), ON_FS2));
    assertThat(DeskCommandRoute.decide(Optional.of(ON_FS1), Optional.empty(), OWNS_NOTHING))
        .isEqualTo(new DeskCommandRoute.Owner(PbxId.of("fs1"), ON_FS1));
  }

  @Test
  void a_call_the_board_shows_ringing_or_ended_is_no_connected_call_and_goes_nowhere() {
    assertThat(DeskCommandRoute.decide(Optional.empty(), board(ON_FS2, "ringing"), OWNS_FS1))
        .isEqualTo(new DeskCommandRoute.NoCall());
    assertThat(DeskCommandRoute.decide(Optional.empty(), board(ON_FS2, "ended"), OWNS_FS1))
        .isEqualTo(new DeskCommandRoute.NoCall());
    assertThat(DeskCommandRoute.decide(Optional.empty(), Optional.empty(), OWNS_FS1))
        .isEqualTo(new DeskCommandRoute.NoCall());
  }

  @Test
  void a_board_call_on_a_pbx_this_node_acts_on_is_carried_out_here_where_the_desk_is_checked_again() {
    assertThat(DeskCommandRoute.decide(Optional.empty(), board(ON_FS1, "connected"), OWNS_FS1))
        .isEqualTo(new DeskCommandRoute.Here(ON_FS1));
  }

  @Test
  void a_call_id_naming_no_pbx_stays_here_where_it_is_refused_as_on_no_attached_pbx() {
    CallId bare = CallId.of("no-pbx-prefix");
    assertThat(DeskCommandRoute.decide(Optional.empty(), board(bare, "connected"), OWNS_NOTHING))
        .isEqualTo(new DeskCommandRoute.Here(bare));
  }
}

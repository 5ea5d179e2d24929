package io.switchboard.server.pbx;

import io.switchboard.core.id.PbxId;
import io.switchboard.queue.selection.PbxReach;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxTrunk;
import io.switchboard.server.config.PbxType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The router's {@link PbxReach} from the configured PBXs: each entry's {@code trunks}, and the device technologies
 * only one configured PBX speaks ({@code PJSIP/} when there is one Asterisk), which place an agent's device on that
 * PBX until it reports the device's state itself.
 */
public final class PbxReaches {

  private PbxReaches() {}

  /** The reach of {@code config}, a validated {@code pbx} list. */
  public static PbxReach of(List<PbxConnection> config) {
    Map<PbxId, Map<PbxId, String>> trunks = new HashMap<>();
    for (PbxConnection pbx : config) {
      Map<PbxId, String> from = new HashMap<>();
      for (PbxTrunk trunk : pbx.trunks()) {
        from.put(PbxId.of(trunk.to()), trunk.dial());
      }
      if (!from.isEmpty()) {
        trunks.put(PbxId.of(pbx.name()), from);
      }
    }
    Map<String, PbxId> technologies = new HashMap<>();
    for (PbxType type : PbxType.values()) {
      List<PbxConnection> speaking = config.stream().filter(pbx -> pbx.type() == type).toList();
      if (speaking.size() == 1) {
        PbxId only = PbxId.of(speaking.get(0).name());
        (type == PbxType.ASTERISK ? LinePbx.ASTERISK : LinePbx.FREESWITCH).forEach(t -> technologies.put(t, only));
      }
    }
    return new PbxReach(trunks, technologies);
  }
}

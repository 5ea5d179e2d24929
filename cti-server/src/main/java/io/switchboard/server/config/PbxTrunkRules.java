package io.switchboard.server.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The value rules of {@code pbx[].trunks} ({@link ConfigValidator} asks): each leads to another entry, once. */
final class PbxTrunkRules {

  /** One dial string, passed as one channel variable or originate argument: no spaces, commas or quotes. */
  private static final Pattern DIAL = Pattern.compile("[^\\s,'\"]+");

  private PbxTrunkRules() {
  }

  static List<ConfigValidator.Problem> check(List<PbxConnection> connections) {
    Set<String> names = connections.stream().filter(c -> c != null && c.name() != null).map(PbxConnection::name)
        .collect(Collectors.toSet());
    List<ConfigValidator.Problem> problems = new java.util.ArrayList<>();
    for (int i = 0; i < connections.size(); i++) {
      PbxConnection c = connections.get(i);
      if (c == null) {
        continue;
      }
      Set<String> reached = new HashSet<>();
      for (int t = 0; t < c.trunks().size(); t++) {
        String at = "pbx[" + i + "].trunks[" + t + "]";
        PbxTrunk trunk = c.trunks().get(t);
        if (trunk == null) {
          problems.add(new ConfigValidator.Problem(at, "must be a mapping with to and dial"));
          continue;
        }
        to(problems, at + ".to", trunk.to(), c.name(), names, reached);
        dial(problems, at + ".dial", trunk.dial(), c.type());
      }
    }
    return problems;
  }

  private static void to(List<ConfigValidator.Problem> problems, String key, String to, String self, Set<String> names,
      Set<String> reached) {
    if (to == null || to.isBlank()) {
      problems.add(new ConfigValidator.Problem(key, "is required: the pbx[].name of the PBX this trunk reaches"));
    } else if (to.equals(self)) {
      problems.add(new ConfigValidator.Problem(key, "must name another PBX, not this entry '" + self + "'"));
    } else if (!names.contains(to)) {
      problems.add(new ConfigValidator.Problem(key, "must be the name of another pbx entry; '" + to
          + "' is none of " + names.stream().sorted().toList()));
    } else if (!reached.add(to)) {
      problems.add(new ConfigValidator.Problem(key, "'" + to + "' has a trunk already; one trunk per PBX reached"));
    }
  }

  private static void dial(List<ConfigValidator.Problem> problems, String key, String dial, PbxType type) {
    if (dial == null || !dial.contains(PbxTrunk.DEVICE) || !DIAL.matcher(dial).matches()) {
      String example = type == PbxType.FREESWITCH ? "sofia/gateway/trunk-ast/{device}" : "PJSIP/{device}@trunk-fs";
      problems.add(new ConfigValidator.Problem(key, "must be a dial string holding " + PbxTrunk.DEVICE
          + " without spaces, commas or quotes, e.g. " + example + "; got '" + (dial == null ? "" : dial) + "'"));
    }
  }
}

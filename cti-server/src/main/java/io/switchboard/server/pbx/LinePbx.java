package io.switchboard.server.pbx;

import io.switchboard.core.id.PbxId;
import io.switchboard.server.config.PbxType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which attached PBX rings an agent's device to open a nailed-up line: the one the request names; else the
 * only one attached; else the only one whose type speaks the device's technology ({@code PJSIP/1001} is
 * Asterisk's, {@code user/1001} FreeSWITCH's). Anything else is refused rather than guessed.
 */
public final class LinePbx {

  /** The field of {@code POST /api/v1/agents/{id}/session} that names the PBX. */
  public static final String FIELD = "pbx";

  /** Asterisk channel technologies an agent's device may use; Asterisk matches them in any case. */
  static final List<String> ASTERISK = List.of("pjsip", "sip", "iax2", "dahdi", "local");
  /** FreeSWITCH endpoints an agent's device may use, written as FreeSWITCH names them (lower case). */
  static final List<String> FREESWITCH = List.of("user", "sofia", "loopback", "verto.rtc");
  /** A FreeSWITCH dial string may open with {@code {var=value}} or {@code [var=value]} blocks. */
  private static final Pattern VARIABLES = Pattern.compile("^(?:\\{[^}]*}|\\[[^]]*])*");
  private static final Pattern TECHNOLOGY = Pattern.compile("^([A-Za-z0-9.]+)/");

  /** The outcome of {@link #choose}. */
  public sealed interface Choice permits Chosen, Refused {}

  /** The line opens on {@code pbx}. */
  public record Chosen(PbxId pbx) implements Choice {}

  /**
   * The line cannot open: {@code pbx-not-attached} (nothing attached: 409; the requested PBX is not attached:
   * 422) or {@code pbx-ambiguous} (409: the request must name the PBX).
   */
  public record Refused(int status, String errorId, String message) implements Choice {}

  private LinePbx() {}

  /**
   * @param requested the PBX the request names, if it names one
   * @param device    the agent's device, e.g. {@code PJSIP/1001} or {@code user/1001}
   * @param attached  the attached PBXs and their types, in configuration order
   */
  public static Choice choose(Optional<String> requested, String device, Map<PbxId, PbxType> attached) {
    String names = String.join(", ", attached.keySet().stream().map(PbxId::value).toList());
    if (requested.isPresent()) {
      PbxId pbx = PbxId.of(requested.get());
      return attached.containsKey(pbx) ? new Chosen(pbx) : new Refused(422, "pbx-not-attached",
          "PBX '" + requested.get() + "' named in \"" + FIELD + "\" is not attached to this node; attached: "
              + (names.isEmpty() ? "none" : names));
    }
    if (attached.isEmpty()) {
      return new Refused(409, "pbx-not-attached", "no PBX is attached to this node");
    }
    if (attached.size() == 1) {
      return new Chosen(attached.keySet().iterator().next());
    }
    Optional<PbxType> technology = technologyOf(device);
    List<PbxId> speaking = attached.entrySet().stream()
        .filter(e -> technology.isPresent() && e.getValue() == technology.get()).map(Map.Entry::getKey).toList();
    if (speaking.size() == 1) {
      return new Chosen(speaking.get(0));
    }
    return new Refused(409, "pbx-ambiguous", "several PBXs are attached (" + names + ") and the agent's device does"
        + " not settle which one rings it; name it in the request body's \"" + FIELD + "\" field");
  }

  /** The PBX type whose technology {@code device} is written in, if it is one this node knows. */
  static Optional<PbxType> technologyOf(String device) {
    Matcher m = TECHNOLOGY.matcher(VARIABLES.matcher(device).replaceFirst(""));
    if (!m.find()) {
      return Optional.empty();
    }
    String technology = m.group(1);
    if (ASTERISK.contains(technology.toLowerCase(Locale.ROOT))) {
      return Optional.of(PbxType.ASTERISK);
    }
    return FREESWITCH.contains(technology) ? Optional.of(PbxType.FREESWITCH) : Optional.empty();
  }
}

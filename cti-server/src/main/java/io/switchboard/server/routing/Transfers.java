package io.switchboard.server.routing;

import io.switchboard.core.event.TransferTarget;

/** How a transfer target is stored in a {@code transfer} leg. */
final class Transfers {

  /** The longest {@code call_legs.endpoint}. */
  static final int MAX_ENDPOINT = 128;

  private Transfers() {}

  /** {@code <number>@<context>}, cut to fit the column; the full number, as the call's own numbers are stored. */
  static String endpoint(TransferTarget target) {
    String endpoint = target.number() + "@" + target.context();
    return endpoint.length() <= MAX_ENDPOINT ? endpoint : endpoint.substring(0, MAX_ENDPOINT);
  }
}

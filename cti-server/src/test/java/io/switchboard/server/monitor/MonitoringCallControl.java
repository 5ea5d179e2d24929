package io.switchboard.server.monitor;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.server.http.UnexpectedCallControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A PBX that notes monitors and hang-ups and answers them with {@link #answer}; nothing else is expected. */
final class MonitoringCallControl extends UnexpectedCallControl {

  /** One monitor asked for. */
  record Spy(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
  }

  final List<Spy> spies = new ArrayList<>();
  final List<CallId> hangups = new ArrayList<>();
  CommandResult answer = CommandResult.ACCEPTED;

  @Override
  public CompletionStage<CommandResult> monitor(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
    spies.add(new Spy(call, supervisorLeg, device, mode));
    return CompletableFuture.completedFuture(answer);
  }

  @Override
  public CompletionStage<CommandResult> hangup(CallId call, HangupCause cause) {
    hangups.add(call);
    return CompletableFuture.completedFuture(answer);
  }
}

package io.switchboard.server.desk;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;
import io.switchboard.server.http.UnexpectedCallControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A PBX that answers hold, unhold, recording pause and resume and blind transfers with {@link #answer} and notes
 * each as {@code "<command> <call>"}; every other command is not expected.
 */
final class DeskCallControl extends UnexpectedCallControl {

  final List<String> commands = new ArrayList<>();
  CommandResult answer = CommandResult.ACCEPTED;

  private CompletionStage<CommandResult> noted(String command) {
    commands.add(command);
    return CompletableFuture.completedFuture(answer);
  }

  @Override
  public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
    return noted("transfer " + call.value());
  }

  @Override
  public CompletionStage<CommandResult> hold(CallId call, LegId leg) {
    return noted("hold " + call.value() + " " + leg.value());
  }

  @Override
  public CompletionStage<CommandResult> unhold(CallId call, LegId leg) {
    return noted("unhold " + call.value() + " " + leg.value());
  }

  @Override
  public CompletionStage<CommandResult> pauseRecording(CallId call) {
    return noted("pause-recording " + call.value());
  }

  @Override
  public CompletionStage<CommandResult> resumeRecording(CallId call) {
    return noted("resume-recording " + call.value());
  }
}

package io.switchboard.server.http;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A PBX that answers transfers with {@link #answer} and notes them; every other command is not expected. */
final class TransferringCallControl extends UnexpectedCallControl {

  /** One transfer asked for; {@code transferrer} is null for a blind one. */
  record Transfer(CallId call, LegId transferrer, Destination to) {
  }

  final List<Transfer> transfers = new ArrayList<>();
  CommandResult answer = CommandResult.ACCEPTED;

  @Override
  public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
    transfers.add(new Transfer(call, null, to));
    return CompletableFuture.completedFuture(answer);
  }

  @Override
  public CompletionStage<CommandResult> attendedTransfer(CallId call, LegId transferrer, Destination to) {
    transfers.add(new Transfer(call, transferrer, to));
    return CompletableFuture.completedFuture(answer);
  }
}

package io.switchboard.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code switchboard pbx-sim ...}: the simulated PBX, standalone, from the same jar. Everything after
 * {@code pbx-sim} goes to the simulator's own option parser ({@code switchboard pbx-sim --help}).
 */
@Command(
    name = "pbx-sim",
    description = {
        "Run the simulated Asterisk (AMI on 127.0.0.1) standalone, with optional seeded traffic.",
        "Options go to the simulator: switchboard pbx-sim --help. See pbx-sim/README.md."
    })
final class PbxSimCommand implements Callable<Integer> {

  /** Everything after {@code pbx-sim}, for the simulator's own parser. */
  @Unmatched
  List<String> options = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    io.switchboard.sim.asterisk.Main.main(options.toArray(String[]::new));
    return ExitCode.OK.code();
  }
}

package io.switchboard.server;

import io.switchboard.server.cli.Cli;
import java.io.PrintWriter;

/** {@code java -jar switchboard.jar ...}: see {@code switchboard --help}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code = Cli.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(code);
  }
}

package io.switchboard.server.status;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Who drives each PBX, as {@code /status} shows it beside the PBX's session (docs/cluster.md). */
public interface PbxOwners {

  /** This node's member id. */
  String member();

  /** True while this node owns {@code pbx} and may act on it. */
  boolean actingHere(String pbx);

  /** The member that owns {@code pbx} now, if any has claimed it and not released it. */
  CompletionStage<Optional<String>> owner(String pbx);

  /** A node on its own: it drives every PBX it is attached to. */
  static PbxOwners alone() {
    return new PbxOwners() {
      @Override
      public String member() {
        return "this-node";
      }

      @Override
      public boolean actingHere(String pbx) {
        return true;
      }

      @Override
      public CompletionStage<Optional<String>> owner(String pbx) {
        return CompletableFuture.completedFuture(Optional.of(member()));
      }
    };
  }
}

package io.switchboard.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbBinariesTest {

  @TempDir
  Path tmp;

  @Test
  void nodes_starting_at_once_on_one_host_share_one_unpacked_copy() throws Exception {
    MariaDbBinaries binaries = MariaDbBinaries.bundled();
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Path>> unpacking = Stream.of(1, 2).map(i -> CompletableFuture.supplyAsync(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return binaries.unpacked(tmp);
    })).toList();
    go.countDown();

    List<Path> places = unpacking.stream().map(CompletableFuture::join).distinct().toList();

    assertThat(places).hasSize(1);
    assertThat(places.get(0).resolve("bin/mariadbd")).isExecutable();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("no staging copy left behind").containsExactly(places.get(0));
    }
  }
}

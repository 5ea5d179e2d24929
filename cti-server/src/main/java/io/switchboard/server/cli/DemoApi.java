package io.switchboard.server.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The demo node's own REST API, as the demo's set-up calls it: on localhost, with the demo's admin token. */
final class DemoApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String base;
  private final String adminToken;

  DemoApi(int httpPort, String adminToken) {
    this.base = "http://127.0.0.1:" + httpPort;
    this.adminToken = adminToken;
  }

  /** Sends {@code json} and returns the status if it is one of {@code expected}; fails naming the call otherwise. */
  int send(String method, String path, String json, int... expected) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("content-type", "application/json").header("authorization", "Bearer " + adminToken)
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    for (int status : expected) {
      if (response.statusCode() == status) {
        return status;
      }
    }
    throw new IllegalStateException("demo set-up: " + method + " " + path + " answered " + response.statusCode()
        + ": " + response.body());
  }
}

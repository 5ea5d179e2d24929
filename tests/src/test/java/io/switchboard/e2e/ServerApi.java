package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running server's HTTP API as the end-to-end tests use it: plain JSON requests, and waiting for a
 * condition by polling with a deadline (never a fixed sleep). A failed wait shows the last value seen and
 * the server's output.
 */
final class ServerApi {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final ObjectMapper JSON = new ObjectMapper();

  /** Something to read again until it is what the test waits for. */
  interface Probe<T> {
    T read() throws Exception;
  }

  private final String url;
  private final ServerProcess server;
  private final String token;

  /** The API of {@code server} on {@code httpPort}, called with the admin token every test server has. */
  ServerApi(int httpPort, ServerProcess server) {
    this("http://127.0.0.1:" + httpPort, server, ServerProcess.ADMIN_TOKEN);
  }

  private ServerApi(String url, ServerProcess server, String token) {
    this.url = url;
    this.server = server;
    this.token = token;
  }

  /** The same API called with {@code otherToken} (e.g. an agent's session token). */
  ServerApi as(String otherToken) {
    return new ServerApi(url, server, otherToken);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  String url() {
    return url;
  }

  /** A request to {@code path} that carries this API's token. */
  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
        .header("authorization", "Bearer " + token);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode getJson(String path) throws IOException, InterruptedException {
    return JSON.readTree(get(path).body());
  }

  /** POSTs {@code body} as {@code contentType} (e.g. a CSV import) and returns the response as it is. */
  HttpResponse<String> postAs(String path, String contentType, String body) throws IOException, InterruptedException {
    return HTTP.send(request(path)
        .header("content-type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs {@code body} as JSON and checks the status code; returns the response body. */
  JsonNode post(String path, String body, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request(path).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s answered %s", path, response.body()).isEqualTo(expected);
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  /** POSTs {@code body} as JSON and returns the response whatever its status. */
  HttpResponse<String> postRaw(String path, String body) throws IOException, InterruptedException {
    return HTTP.send(request(path)
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** PUTs {@code body} as JSON and checks the status code; returns the response body. */
  JsonNode put(String path, String body, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request(path).header("content-type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("PUT %s answered %s", path, response.body()).isEqualTo(expected);
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  /** POSTs a request that must fail with {@code expected}; checks the error's shape and returns it. */
  JsonNode error(String path, String body, int expected) throws IOException, InterruptedException {
    JsonNode error = post(path, body, expected);
    assertThat(error.has("errorId") && error.has("message") && error.has("details"))
        .as("error shape of %s", error).isTrue();
    return error;
  }

  /** {@link #error}'s errorId. */
  String postError(String path, String body, int expected) throws IOException, InterruptedException {
    return error(path, body, expected).path("errorId").asText();
  }

  HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The state of the PBX connection {@code pbx/<name>} on {@code /status}, e.g. {@code up}. */
  String pbxState(String name) throws IOException, InterruptedException {
    return getJson("/status").path("dependencies").path("pbx/" + name).path("state").asText();
  }

  /** The agent's routing state, e.g. {@code available}, {@code on-call}. */
  String agentState(String agent) throws IOException, InterruptedException {
    return getJson("/api/v1/agents/" + agent + "/state").path("state").asText();
  }

  /** The rows of {@code GET /api/v1/queue-log?<query>}. */
  List<JsonNode> queueLog(String query) throws IOException, InterruptedException {
    List<JsonNode> rows = new ArrayList<>();
    getJson("/api/v1/queue-log?" + query).path("rows").forEach(rows::add);
    return rows;
  }

  /** The live tasks of {@code GET /api/v1/tasks}. */
  List<JsonNode> tasks() throws IOException, InterruptedException {
    List<JsonNode> tasks = new ArrayList<>();
    getJson("/api/v1/tasks").path("tasks").forEach(tasks::add);
    return tasks;
  }

  /**
   * {@code GET /api/v1/calls/{id}}; Asterisk-derived call ids hold a '/', so the id is percent-encoded. A call
   * not recorded yet is an {@link IOException}, which {@link #await} reads as "not yet".
   */
  JsonNode callRecord(String id) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/v1/calls/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    if (response.statusCode() == 404) {
      throw new IOException("call " + id + " not recorded yet");
    }
    assertThat(response.statusCode()).as("GET call %s: %s", id, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  void await(String what, Probe<Boolean> condition, Duration timeout) throws Exception {
    await(what, condition, Boolean::booleanValue, timeout);
  }

  /** Polls {@code probe} until {@code wanted}; fails with the last value and the server's output. */
  <T> T await(String what, Probe<T> probe, Predicate<T> wanted, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Object last = "(nothing yet)";
    while (System.nanoTime() < deadline) {
      try {
        T value = probe.read();
        last = value;
        if (wanted.test(value)) {
          return value;
        }
      } catch (IOException notYet) {
        last = notYet;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError(what + " not seen within " + timeout + "; last: " + last + "\n" + server.transcript());
  }
}

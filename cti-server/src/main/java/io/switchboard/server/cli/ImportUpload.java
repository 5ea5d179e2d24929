package io.switchboard.server.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads a CSV file to an import route, follows the job it starts and prints its report: the progress bar shows
 * the bytes sent, then the rows read and written; on a terminal it is redrawn in place, otherwise it prints a
 * line per tenth. Returns the exit code: {@link ExitCode#OK} when the import succeeded.
 */
final class ImportUpload {

  private static final Duration POLL = Duration.ofMillis(250);
  private static final int BAR = 30;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final String token;
  private String drawn = "";

  /** {@code token}: the bearer token sent with each request ({@value #TOKEN_VARIABLE}); blank sends none. */
  ImportUpload(PrintWriter out, PrintWriter err, boolean terminal, String token) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.token = token == null ? "" : token.strip();
  }

  /** The environment variable the import commands read their API token from (never an argument: ps shows those). */
  static final String TOKEN_VARIABLE = "SWITCHBOARD_TOKEN";

  /** {@link #TOKEN_VARIABLE}'s value, or blank. */
  static String tokenFromEnvironment() {
    return System.getenv().getOrDefault(TOKEN_VARIABLE, "");
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
    return token.isEmpty() ? builder : builder.header("authorization", "Bearer " + token);
  }

  /** POSTs {@code file} to {@code server + path}, waits for its job and prints the report. */
  int run(String server, String path, Path file) {
    try {
      long size = Files.size(file);
      AtomicLong sent = new AtomicLong();
      HttpRequest post = request(URI.create(server.replaceAll("/+$", "") + path))
          .header("content-type", "text/csv; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
              () -> counting(file, sent, size)), size))
          .build();
      HttpResponse<String> started = http.send(post, HttpResponse.BodyHandlers.ofString());
      JsonObject body = json(started);
      if (started.statusCode() != 202) {
        finishBar();
        err.println("refused (" + started.statusCode() + "): " + body.getString("errorId") + ": "
            + body.getString("message") + (started.statusCode() == 401 ? " (set " + TOKEN_VARIABLE
            + " to an admin's API token)" : ""));
        return ExitCode.REFUSED.code();
      }
      String location = server.replaceAll("/+$", "") + started.headers().firstValue("location").orElseThrow();
      JsonObject job = follow(location);
      finishBar();
      report(job);
      return "succeeded".equals(job.getString("state")) ? ExitCode.OK.code() : ExitCode.REFUSED.code();
    } catch (IOException | IllegalArgumentException e) {
      finishBar();
      err.println("cannot import " + file + " through " + server + ": " + e.getMessage());
      return ExitCode.UNREACHABLE.code();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.INTERNAL_ERROR.code();
    }
  }

  private JsonObject follow(String location) throws IOException, InterruptedException {
    while (true) {
      JsonObject job = json(http.send(request(URI.create(location)).GET().build(),
          HttpResponse.BodyHandlers.ofString()));
      String state = job.getString("state", "");
      if (state.equals("succeeded") || state.equals("failed")) {
        return job;
      }
      if (state.equals("writing")) {
        draw("writing", job.getLong("rowsWritten", 0L), job.getLong("rowsTotal", 0L));
      } else {
        draw("reading", job.getLong("bytesRead", 0L), job.getLong("bytesTotal", 0L));
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private void report(JsonObject job) {
    out.printf(Locale.ROOT, "%d rows read: %d imported (%d dnc), %d duplicates, %d bad rows skipped%n",
        job.getLong("rowsRead"), job.getLong("imported"), job.getLong("dnc"), job.getLong("duplicates"),
        job.getLong("skipped"));
    issues("error", job.getJsonArray("errors"), job.getLong("errorCount"));
    issues("notice", job.getJsonArray("notices"), job.getLong("noticeCount"));
    JsonObject failure = job.getJsonObject("failure");
    if (failure != null) {
      err.println("refused: " + failure.getString("errorId") + ": " + failure.getString("message"));
    }
    out.flush();
  }

  private void issues(String kind, JsonArray shown, long count) {
    shown.forEach(issue -> out.println("  " + kind + ": " + ((JsonObject) issue).getString("message") + " ["
        + ((JsonObject) issue).getString("reason") + "]"));
    if (count > shown.size()) {
      out.println("  ... and " + (count - shown.size()) + " more " + kind + "s");
    }
  }

  private synchronized void draw(String phase, long done, long total) {
    int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    String line = String.format(Locale.ROOT, "%-9s [%-" + BAR + "s] %3d%% %,d/%,d", phase,
        "#".repeat(percent * BAR / 100), percent, done, total);
    if (terminal) {
      out.print("\r" + line);
      out.flush();
      drawn = line;
    } else {
      String step = phase + (percent / 10);
      if (!step.equals(drawn)) {
        out.println(line);
        drawn = step;
      }
    }
  }

  private synchronized void finishBar() {
    if (terminal && !drawn.isEmpty()) {
      out.println();
    }
    drawn = "";
  }

  private InputStream counting(Path file, AtomicLong sent, long size) {
    try {
      return new FilterInputStream(Files.newInputStream(file)) {
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          if (n > 0) {
            draw("uploading", sent.addAndGet(n), size);
          }
          return n;
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonObject json(HttpResponse<String> response) throws IOException {
    try {
      return new JsonObject(response.body());
    } catch (DecodeException | ClassCastException e) {
      throw new IOException("the server answered " + response.statusCode() + " with no Switchboard JSON", e);
    }
  }
}

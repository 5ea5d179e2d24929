package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The browser the page tests use runs here: it loads a page, runs its script and leaves a screenshot. */
class HeadlessChromiumIT {

  @RegisterExtension
  final HeadlessChromium browser = new HeadlessChromium();
  private HttpServer server;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] page = """
        <!doctype html><html><head><title>probe</title></head>
        <body><p id="out">static</p><script>document.getElementById('out').textContent = 'scripted';</script></body>
        </html>""".getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("content-type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void a_page_runs_its_script_and_is_photographed() {
    browser.open("http://127.0.0.1:" + server.getAddress().getPort() + "/");

    assertThat(browser.waitFor(By.id("out"), Duration.ofSeconds(10)).getText()).isEqualTo("scripted");
    Path shot = browser.screenshot("loaded");
    assertThat(shot).exists();
    assertThat(shot.toFile().length()).isGreaterThan(1000);
  }
}

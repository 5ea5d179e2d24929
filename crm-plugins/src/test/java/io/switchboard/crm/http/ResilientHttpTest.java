package io.switchboard.crm.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer on real time: the budget bounds a lookup however the CRM misbehaves, and no caller waits. */
class ResilientHttpTest {

    private final WireMockServer crm = new WireMockServer(options().dynamicPort());
    private ResilientHttp http;

    @BeforeEach
    void start() {
        crm.start();
        http = new ResilientHttp("test", WireMockSupport.client(), Authorizer.bearer(Secret.of("t", "token")),
                new CircuitBreaker(10, Duration.ofSeconds(30), Clock.systemUTC()), Clock.systemUTC(),
                new SplittableRandom(3), Delays.system());
    }

    @AfterEach
    void stop() {
        crm.stop();
    }

    @Test
    void a_lookup_against_a_crm_that_never_answers_gives_up_within_its_two_second_budget() {
        crm.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(2_200)));
        long start = System.nanoTime();

        CompletableFuture<HttpResult> result = http.send(
                () -> HttpRequest.newBuilder(URI.create(crm.baseUrl() + "/slow")).GET(), Budget.LOOKUP, true)
                .toCompletableFuture();
        long returnedAfter = System.nanoTime() - start;
        HttpResult answer = result.join();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(Duration.ofNanos(returnedAfter)).isLessThan(Duration.ofMillis(200));
        assertThat(answer).isInstanceOfSatisfying(HttpResult.Failed.class,
                failed -> assertThat(failed.errorId()).isEqualTo("crm-timeout"));
        assertThat(took).isBetween(Duration.ofMillis(1_600), Duration.ofMillis(2_400));
        assertThat(crm.findAll(getRequestedFor(urlPathEqualTo("/slow"))).size()).isBetween(2, 3);
    }
}

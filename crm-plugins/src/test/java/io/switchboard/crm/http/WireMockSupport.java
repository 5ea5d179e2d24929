package io.switchboard.crm.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

/** Stubs that answer differently on each call, and sample bodies from src/test/resources. */
public final class WireMockSupport {

    private WireMockSupport() {
    }

    /** An HTTP/1.1 client, as the server will build one. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** {@code request} answers {@code responses} in turn; the last one repeats. */
    public static void sequence(WireMockServer server, Supplier<MappingBuilder> request,
                                ResponseDefinitionBuilder... responses) {
        String scenario = "seq-" + UUID.randomUUID();
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder mapping = request.get().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i)
                    .willReturn(responses[i]);
            if (i < responses.length - 1) {
                mapping = mapping.willSetStateTo("step-" + (i + 1));
            }
            server.stubFor(mapping);
        }
    }

    /** A sample body, e.g. {@code salesforce/search-one.json}. */
    public static String sample(String path) {
        try (InputStream in = WireMockSupport.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

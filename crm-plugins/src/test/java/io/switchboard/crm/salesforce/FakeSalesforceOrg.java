package io.switchboard.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Salesforce org behind WireMock that remembers the Tasks it created, so a test can count records per
 * CallObject: answers the Task query and the Task create, can be taken down (503), and can lose the answer to
 * every n-th create after storing it (a connection reset, as when a load balancer drops the response).
 */
final class FakeSalesforceOrg implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-salesforce-org";
    private static final Pattern CALL_OBJECT = Pattern.compile("CallObject = '((?:[^'\\\\]|\\\\.)*)'");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Integer> tasksPerKey = new ConcurrentHashMap<>();
    private final Map<String, String> idPerKey = new ConcurrentHashMap<>();
    private final AtomicInteger creates = new AtomicInteger();
    private volatile boolean down;
    private volatile int loseEveryNth;

    void down(boolean isDown) {
        down = isDown;
    }

    void loseAnswerToEvery(int nth) {
        loseEveryNth = nth;
    }

    Map<String, Integer> tasksPerKey() {
        return Map.copyOf(tasksPerKey);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        if (down) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(503).build();
        }
        Request request = serveEvent.getRequest();
        return request.getUrl().contains("/query") ? query(request) : create(request);
    }

    private ResponseDefinition query(Request request) {
        Matcher key = CALL_OBJECT.matcher(request.queryParameter("q").firstValue());
        String id = key.find() ? idPerKey.get(key.group(1).replace("\\'", "'").replace("\\\\", "\\")) : null;
        String records = id == null ? "[]" : "[{\"attributes\": {\"type\": \"Task\"}, \"Id\": \"" + id + "\"}]";
        return json(200, "{\"totalSize\": " + (id == null ? 0 : 1) + ", \"done\": true, \"records\": " + records + "}");
    }

    private ResponseDefinition create(Request request) {
        String key = body(request).path("CallObject").asText();
        int n = creates.incrementAndGet();
        String id = String.format("00T5e%013d", n);
        tasksPerKey.merge(key, 1, Integer::sum);
        idPerKey.putIfAbsent(key, id);
        if (loseEveryNth > 0 && n % loseEveryNth == 0) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return json(201, "{\"id\": \"" + id + "\", \"success\": true, \"errors\": []}");
    }

    private static JsonNode body(Request request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinition json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body).build();
    }
}

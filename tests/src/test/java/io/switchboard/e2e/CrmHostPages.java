package io.switchboard.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CRMs around Switchboard's CRM pages in the browser tests: a small HTTP server on its own origin (another
 * port of 127.0.0.1, so the pages run cross-origin as they do inside Salesforce and HubSpot) serving the fake
 * Salesforce org ({@code /salesforce/}, with the stand-in Open CTI library at the path Salesforce serves it from) and
 * the fake HubSpot calling host ({@code /hubspot/}, speaking the host side of the Calling Extensions SDK, which it
 * loads from the copy the server ships). It records every path asked for, so a test sees whether a script was
 * fetched from it.
 */
final class CrmHostPages implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8");
    private static final String SDK = "switchboard/app/hubspot/vendor/calling-extensions-sdk-0.9.7.esm.js";

    private final HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    CrmHostPages() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::serve);
        server.start();
    }

    /** This fake CRM's origin, e.g. {@code http://127.0.0.1:40123}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The fake Salesforce org's page framing the softphone of the Switchboard at {@code switchboard}. */
    String salesforce(String switchboard) {
        return origin() + "/salesforce/?switchboard=" + switchboard;
    }

    /** The fake HubSpot page framing the calling widget of the Switchboard at {@code switchboard}. */
    String hubspot(String switchboard) {
        return origin() + "/hubspot/?switchboard=" + switchboard;
    }

    /** Every path asked for so far, in order. */
    List<String> asked() {
        return List.copyOf(asked);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        asked.add(path);
        String resource = path.equals("/hubspot/sdk.js") ? SDK
                : "crmhosts" + (path.endsWith("/") ? path + "index.html" : path);
        try (exchange; InputStream in = path.contains("..") ? null
                : CrmHostPages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = in.readAllBytes();
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().add("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

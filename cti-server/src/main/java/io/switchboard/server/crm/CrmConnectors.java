package io.switchboard.server.crm;

import io.switchboard.core.port.CrmConnector;
import io.switchboard.crm.http.Secret;
import io.switchboard.crm.hubspot.HubSpotConnector;
import io.switchboard.crm.salesforce.SalesforceConnector;
import io.switchboard.crm.salesforce.SalesforceSettings;
import io.switchboard.crm.zendesk.ZendeskConnector;
import io.switchboard.crm.zendesk.ZendeskSettings;
import io.switchboard.crm.http.Tuning;
import io.switchboard.crm.hubspot.HubSpotSettings;
import io.switchboard.server.config.CrmSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The enabled CRM connectors, built from {@code crm.*} (already checked by the config validator). They share one
 * HTTP client on its own small pool of daemon threads: their stages complete there, never on an event loop, and
 * the parts that use them hop back to their own context.
 */
public final class CrmConnectors {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final int THREADS = 2;

  private CrmConnectors() {
  }

  /** One connector per enabled CRM, in the order Salesforce, HubSpot, Zendesk; none when none is enabled. */
  public static List<CrmConnector> from(CrmSettings crm, Clock clock) {
    List<CrmConnector> connectors = new ArrayList<>();
    if (!crm.salesforce().enabled() && !crm.hubspot().enabled() && !crm.zendesk().enabled()) {
      return connectors;
    }
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .executor(pool())
        .build();
    if (crm.salesforce().enabled()) {
      var sf = crm.salesforce();
      connectors.add(new SalesforceConnector(SalesforceSettings.clientCredentials(URI.create(sf.instanceUrl()),
          sf.clientId(), Secret.of(sf.clientSecret().value(), "crm.salesforce.client-secret")), http, clock,
          new SplittableRandom()));
    }
    if (crm.hubspot().enabled()) {
      var hs = crm.hubspot();
      HubSpotSettings settings = HubSpotSettings.of(hs.portalId(),
          new HubSpotSettings.PrivateApp(Secret.of(hs.accessToken().value(), "crm.hubspot.access-token")))
          .withApiBase(URI.create(hs.apiUrl()));
      connectors.add(new HubSpotConnector(settings, http, clock, new SplittableRandom()));
    }
    if (crm.zendesk().enabled()) {
      var zd = crm.zendesk();
      ZendeskSettings settings = new ZendeskSettings(URI.create(zd.resolvedApiUrl()),
          new ZendeskSettings.ApiToken(zd.email(), Secret.of(zd.apiToken().value(), "crm.zendesk.api-token")),
          zd.appId(), Tuning.defaults());
      connectors.add(new ZendeskConnector(settings, http, clock, new SplittableRandom()));
    }
    return connectors;
  }

  private static ExecutorService pool() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "crm-http-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}

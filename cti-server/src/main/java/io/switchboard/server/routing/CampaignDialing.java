package io.switchboard.server.routing;

import io.switchboard.queue.dialer.CampaignDialer;
import io.switchboard.queue.dialer.CampaignDirectory;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DialGate;
import io.switchboard.queue.dialer.LeadQueue;
import io.switchboard.queue.dialer.PreviewDesk;
import io.switchboard.queue.dialer.blend.InboundLoads;
import io.switchboard.queue.dialer.compliance.AbandonBudget;
import io.switchboard.queue.dialer.compliance.AbandonLedger;
import io.switchboard.queue.dialer.pacing.Pacer;
import io.switchboard.queue.routing.RoutingEngine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The node's dialer: one {@link CampaignDialer} on the routing context, dialling the stored campaigns' leads
 * through the compliance gate and the routing engine's campaign calls, paced per campaign, with blending from the
 * live KPIs. Every campaign call's end finishes its lead and is counted in the abandon ledger; a spent abandon
 * budget turns a campaign agent-first; every agent routing frees wakes the dialer.
 */
public final class CampaignDialing {

  private final Context context;
  private final CampaignDialer dialer;

  private CampaignDialing(Context context, CampaignDialer dialer) {
    this.context = context;
    this.dialer = dialer;
  }

  /**
   * Starts dialling on the routing context.
   *
   * @param pacers            the pacer of each campaign, made when it is first seen running
   * @param amdFalsePositives the share (0 to 1) of machine verdicts counted as people under UK rules
   */
  public static Future<CampaignDialing> start(Vertx vertx, InboundRouting routing, CampaignDirectory campaigns,
      LeadQueue leads, DialGate gate, AbandonLedger ledger, double amdFalsePositives,
      Function<CampaignSettings, Pacer> pacers, InboundLoads inboundLoads, Clock clock) {
    Context context = routing.context();
    Executor onContext = task -> context.runOnContext(v -> task.run());
    Promise<CampaignDialing> started = Promise.promise();
    context.runOnContext(v -> {
      RoutingEngine engine = routing.engine();
      engine.campaignFloor().inboundLoads(inboundLoads);
      CampaignDialer dialer = new CampaignDialer(campaigns, leads, gate, engine.campaignCalls(),
          engine.campaignFloor(), pacers, NailedAgents::newCallId,
          (delay, action) -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> context.runOnContext(x -> action.run())),
          clock, onContext);
      dialer.abandonBudget(campaign -> AbandonBudget.of(campaign.jurisdiction(),
          ledger.figures(campaign.campaign().id(), clock.instant()), amdFalsePositives).spent());
      engine.onCampaignCallEnded(dialer);
      engine.onCampaignCallEnded(ledger);
      engine.onAgentFreed(dialer::agentFreed);
      dialer.start();
      started.complete(new CampaignDialing(context, dialer));
    });
    return started.future();
  }

  /** The leads offered to preview campaigns' agents; touch it on the routing context ({@link #onContext}). */
  public PreviewDesk preview() {
    return dialer.preview();
  }

  /** Runs {@code action} on the routing context, where the dialer lives. */
  public void onContext(Runnable action) {
    context.runOnContext(v -> action.run());
  }
}

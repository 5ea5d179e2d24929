package io.switchboard.server.routing;

import io.switchboard.queue.dialer.CampaignDialer;
import io.switchboard.queue.dialer.CampaignDirectory;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DialGate;
import io.switchboard.queue.dialer.LeadQueue;
import io.switchboard.queue.dialer.PreviewDesk;
import io.switchboard.queue.dialer.blend.Blender;
import io.switchboard.queue.dialer.blend.InboundLoads;
import io.switchboard.queue.dialer.compliance.AbandonBudget;
import io.switchboard.queue.dialer.compliance.AbandonLedger;
import io.switchboard.queue.dialer.pacing.AgentlessPacer;
import io.switchboard.queue.dialer.pacing.LiveFigures;
import io.switchboard.queue.dialer.pacing.Pacer;
import io.switchboard.queue.dialer.pacing.Pacers;
import io.switchboard.queue.dialer.pacing.PredictivePacer;
import io.switchboard.queue.routing.RoutingEngine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import io.switchboard.core.id.CampaignId;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
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
   * Starts dialling on the routing context, each campaign paced by its mode: power by its ratio, predictive by a
   * {@link PredictivePacer} that learns from the campaign's own calls, agentless by its lines (its calls go to the
   * first attached PBX), the others one call per free agent.
   *
   * @param amdFalsePositives the share (0 to 1) of machine verdicts counted as people under UK rules
   * @param dayZone           where "today" of the pacer's daily abandon rate starts
   */
  public static Future<CampaignDialing> start(Vertx vertx, InboundRouting routing, CampaignDirectory campaigns,
      LeadQueue leads, DialGate gate, AbandonLedger ledger, double amdFalsePositives, InboundLoads inboundLoads,
      ZoneId dayZone, Clock clock) {
    return start(vertx, routing, campaigns, leads, gate, ledger, amdFalsePositives, inboundLoads, Blender.CALM,
        dayZone, clock);
  }

  /**
   * As above, with blended agents lent back to campaigns only after inbound has been calm for {@code blendCalm}
   * ({@code outbound.blend-calm-seconds}).
   */
  public static Future<CampaignDialing> start(Vertx vertx, InboundRouting routing, CampaignDirectory campaigns,
      LeadQueue leads, DialGate gate, AbandonLedger ledger, double amdFalsePositives, InboundLoads inboundLoads,
      Duration blendCalm, ZoneId dayZone, Clock clock) {
    Map<CampaignId, LiveFigures> figures = new ConcurrentHashMap<>();
    Function<CampaignSettings, Pacer> pacers = settings -> switch (settings.campaign().mode()) {
      case POWER -> Pacers.power(settings.dialRatio());
      case AGENTLESS -> new AgentlessPacer(settings.broadcast().orElseThrow().lines());
      case PREDICTIVE -> {
        PredictivePacer pacer = PredictivePacer.forCampaign(settings, new LiveFigures(clock, dayZone));
        figures.put(settings.campaign().id(), pacer.figures());
        yield pacer;
      }
      default -> Pacers.progressive();
    };
    Context context = routing.context();
    Executor onContext = task -> context.runOnContext(v -> task.run());
    Promise<CampaignDialing> started = Promise.promise();
    context.runOnContext(v -> {
      RoutingEngine engine = routing.engine();
      engine.campaignCalls().outcomes(id -> Optional.ofNullable(figures.get(id)));
      engine.campaignFloor().inboundLoads(inboundLoads);
      engine.campaignFloor().blendCalm(blendCalm);
      CampaignDialer dialer = new CampaignDialer(campaigns, leads, gate, engine.campaignCalls(),
          engine.campaignFloor(), pacers, NailedAgents::newCallId,
          (delay, action) -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> context.runOnContext(x -> action.run())),
          clock, onContext);
      dialer.broadcastPbx(() -> routing.pbxs().stream().findFirst());
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

  /**
   * In a cluster: campaigns are paced and dialled only while {@code dialsHere} is true (this node owns the PBX they
   * dial through), so two nodes never pace the same campaign.
   */
  public void dialOnlyWhile(BooleanSupplier dialsHere) {
    context.runOnContext(v -> dialer.dialOnlyWhile(dialsHere));
  }

  /** Runs {@code action} on the routing context, where the dialer lives. */
  public void onContext(Runnable action) {
    context.runOnContext(v -> action.run());
  }
}

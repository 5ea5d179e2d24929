package io.switchboard.sim.traffic;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The rates and distributions of a traffic run.
 *
 * @param inboundPerMinute DID to mean inbound arrivals per minute (Poisson)
 * @param meanPatience mean time (exponential) a caller waits unconnected before hanging up (abandon)
 * @param agentDevicePrefix dial strings starting with this are agent phones, all others customers
 * @param agentAnswers probability that an agent phone answers when it rings
 * @param meanRingDelay mean ring time (exponential) before a phone answers
 * @param talkTime how long a connected customer talks before hanging up
 * @param outbound outcome shares for dialled customers
 */
public record TrafficProfile(Map<String, Double> inboundPerMinute, Duration meanPatience, String agentDevicePrefix,
        double agentAnswers, Duration meanRingDelay, TalkTime talkTime, OutboundMix outbound) {

    /** Copies the map and rejects nulls and probabilities outside [0, 1]. */
    public TrafficProfile {
        inboundPerMinute = Map.copyOf(inboundPerMinute);
        Objects.requireNonNull(meanPatience, "meanPatience");
        Objects.requireNonNull(agentDevicePrefix, "agentDevicePrefix");
        Objects.requireNonNull(meanRingDelay, "meanRingDelay");
        Objects.requireNonNull(talkTime, "talkTime");
        Objects.requireNonNull(outbound, "outbound");
        if (agentAnswers < 0 || agentAnswers > 1) {
            throw new IllegalArgumentException("agentAnswers must be in [0, 1]");
        }
        inboundPerMinute.values().forEach(rate -> {
            if (!(rate >= 0)) {
                throw new IllegalArgumentException("rates must be >= 0");
            }
        });
    }

    /**
     * Inbound arrivals at these rates; callers wait 60 s on average; agent phones
     * ({@code SIP/agent-…}) answer 90 % of the time after 4 s; talk is lognormal around 3 min.
     */
    public static TrafficProfile inbound(Map<String, Double> perMinute) {
        return new TrafficProfile(perMinute, Duration.ofSeconds(60), "SIP/agent-", 0.9, Duration.ofSeconds(4),
                new TalkTime.LogNormal(Duration.ofMinutes(3), 0.7), OutboundMix.typical());
    }

    /** A copy with another mean patience. */
    public TrafficProfile withPatience(Duration mean) {
        return new TrafficProfile(inboundPerMinute, mean, agentDevicePrefix, agentAnswers, meanRingDelay, talkTime,
                outbound);
    }

    /** A copy with another agent answer probability and mean ring delay. */
    public TrafficProfile withAgents(double answers, Duration ringDelay) {
        return new TrafficProfile(inboundPerMinute, meanPatience, agentDevicePrefix, answers, ringDelay, talkTime,
                outbound);
    }

    /** A copy with another talk time. */
    public TrafficProfile withTalkTime(TalkTime other) {
        return new TrafficProfile(inboundPerMinute, meanPatience, agentDevicePrefix, agentAnswers, meanRingDelay,
                other, outbound);
    }

    /** A copy with another outbound mix. */
    public TrafficProfile withOutbound(OutboundMix other) {
        return new TrafficProfile(inboundPerMinute, meanPatience, agentDevicePrefix, agentAnswers, meanRingDelay,
                talkTime, other);
    }
}

package io.switchboard.sim.traffic;

import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimWorld;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/** One traffic run; engine thread only. */
final class TrafficRun {

    private final TrafficProfile profile;
    private final Draws draws;
    private final SimWorld world;
    private final TrafficBound bound;
    private final CompletableFuture<TrafficReport> finished;
    private final Set<String> generating = new TreeSet<>();
    private final Set<String> calls = new HashSet<>();
    private final Set<String> talking = new HashSet<>();
    private final Set<String> customerDialStrings = new HashSet<>();
    private Duration startedAt;
    private int arrivals;
    private int abandoned;
    private int connected;
    private int agentDials;
    private int customerDials;

    TrafficRun(TrafficProfile profile, Draws draws, SimWorld world, TrafficBound bound,
            CompletableFuture<TrafficReport> finished) {
        this.profile = profile;
        this.draws = draws;
        this.world = world;
        this.bound = bound;
        this.finished = finished;
    }

    void start() {
        startedAt = world.now();
        world.listen(this::onEvent);
        world.phones(this::phoneFor);
        List<String> dids = profile.inboundPerMinute().keySet().stream().sorted().toList();
        for (String did : dids) {
            if (profile.inboundPerMinute().get(did) > 0) {
                generating.add(did);
                scheduleArrival(did);
            }
        }
        finishIfDone();
    }

    private void scheduleArrival(String did) {
        Duration gap = draws.interArrival(profile.inboundPerMinute().get(did));
        if (bound instanceof TrafficBound.For f && world.now().plus(gap).minus(startedAt).compareTo(f.duration()) > 0) {
            generating.remove(did);
            return;
        }
        world.after(gap, () -> arrive(did));
    }

    private void arrive(String did) {
        if (bound instanceof TrafficBound.Calls c && arrivals >= c.count()) {
            generating.remove(did);
            finishIfDone();
            return;
        }
        arrivals++;
        String channel = world.inboundCall(InboundCall.of(draws.callerNumber(), did));
        calls.add(channel);
        world.after(draws.exponential(profile.meanPatience()), () -> {
            if (calls.contains(channel) && !talking.contains(channel) && !world.isBridged(channel)) {
                abandoned++;
                world.hangUp(channel);
            }
        });
        if (bound instanceof TrafficBound.Calls c && arrivals >= c.count()) {
            generating.remove(did);
        } else {
            scheduleArrival(did);
        }
    }

    private Phone phoneFor(String target) {
        Duration ring = draws.exponential(profile.meanRingDelay());
        if (target.startsWith(profile.agentDevicePrefix())) {
            agentDials++;
            return draws.chance(profile.agentAnswers()) ? new Phone.Answers(ring, null) : new Phone.NeverAnswers();
        }
        customerDials++;
        int slash = target.indexOf('/');
        customerDialStrings.add(slash < 0 ? target : target.substring(slash + 1));
        OutboundMix mix = profile.outbound();
        double pick = draws.uniform() * (mix.live() + mix.busy() + mix.noAnswer() + mix.machine());
        if (pick < mix.live()) {
            // a person talks as long as a caller does, then hangs up (a dialer's call must end on its own)
            return new Phone.Answers(ring, draws.talk(profile.talkTime()), AmdOutcome.HUMAN);
        } else if (pick < mix.live() + mix.busy()) {
            return new Phone.Busy();
        } else if (pick < mix.live() + mix.busy() + mix.noAnswer()) {
            return new Phone.NeverAnswers();
        }
        return new Phone.Answers(ring, null, AmdOutcome.MACHINE);
    }

    private void onEvent(AmiMessage event) {
        String name = event.event().orElse("");
        switch (name) {
            case "DialBegin" -> event.first("DialString").filter(customerDialStrings::remove)
                    .flatMap(d -> event.first("DestChannel")).ifPresent(calls::add);
            case "BridgeEnter", "ConfbridgeJoin" -> event.first("Channel")
                    .filter(c -> calls.contains(c) && talking.add(c)).ifPresent(this::talk);
            case "Hangup" -> event.first("Channel").filter(calls::remove).ifPresent(c -> {
                talking.remove(c);
                finishIfDone();
            });
            default -> {
            }
        }
    }

    private void talk(String channel) {
        connected++;
        world.after(draws.talk(profile.talkTime()), () -> world.hangUp(channel));
    }

    private void finishIfDone() {
        if (generating.isEmpty() && calls.isEmpty() && !finished.isDone()) {
            finished.complete(new TrafficReport(arrivals, abandoned, connected, agentDials, customerDials,
                    world.now().minus(startedAt)));
        }
    }
}

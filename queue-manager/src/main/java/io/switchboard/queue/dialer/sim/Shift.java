package io.switchboard.queue.dialer.sim;

import io.switchboard.queue.dialer.CampaignDialer;
import io.switchboard.queue.dialer.pacing.DialOutcomes;
import io.switchboard.queue.dialer.pacing.Pacer;
import io.switchboard.queue.dialer.pacing.PacingInput;
import io.switchboard.queue.dialer.pacing.PredictivePacer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One simulated shift: a discrete-event loop over calls and agents in milliseconds of simulated time. The pacer
 * is asked every second and whenever an agent becomes ready, as the dialer asks it; the calls it asks for are
 * placed at once (leads and trunks never run out). A live answer goes to the longest-ready agent, or waits for
 * the next agent to finish a wrap-up for at most the connect wait, then is abandoned.
 */
final class Shift {

    private static final long TICK = CampaignDialer.TICK.toMillis();
    private static final long CONNECT_WAIT = PredictivePacer.CONNECT_WAIT.toMillis();
    private static final long HOUR = 3_600_000;

    private enum Kind { TICK, ANSWERED, ENDED_UNANSWERED, GAVE_UP, TALK_ENDED, WRAP_ENDED }

    private record Event(long at, long order, Kind kind, Call call, Agent agent) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            return at != other.at ? Long.compare(at, other.at) : Long.compare(order, other.order);
        }
    }

    private static final class Call {
        final long placedAt;
        final CallModel.Drawn drawn;
        long answeredAt;
        boolean waiting;

        Call(long placedAt, CallModel.Drawn drawn) {
            this.placedAt = placedAt;
            this.drawn = drawn;
        }
    }

    private static final class Agent {
        long since;
        boolean talking;
    }

    private final SimParameters parameters;
    private final CallModel model;
    private final SplittableRandom random;
    private final SimClock clock;
    private final Instant start;
    private final Pacer pacer;
    private final DialOutcomes outcomes;
    private final long end;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final ArrayDeque<Agent> ready = new ArrayDeque<>();
    private final Set<Agent> busy = new LinkedHashSet<>();
    private final Set<Call> ringing = new LinkedHashSet<>();
    private final ArrayDeque<Call> waiting = new ArrayDeque<>();
    private final long[] liveByMinute;
    private final long[] lostByMinute;
    private long order;
    private long now;
    private double talkSeconds;
    private double idleSeconds;
    private long connects;
    private long abandoned;
    private long dialled;

    Shift(SimParameters parameters, long seed, SimClock clock, Pacer pacer, DialOutcomes outcomes) {
        this.parameters = parameters;
        this.model = new CallModel(parameters);
        this.random = new SplittableRandom(seed);
        this.clock = clock;
        this.start = clock.instant();
        this.pacer = pacer;
        this.outcomes = outcomes;
        this.end = Math.round(parameters.hours() * HOUR);
        int minutes = (int) (end / 60_000) + 1;
        this.liveByMinute = new long[minutes];
        this.lostByMinute = new long[minutes];
    }

    ShiftResult run() {
        for (int i = 0; i < parameters.agents(); i++) {
            ready.addLast(new Agent());
        }
        schedule(0, Kind.TICK, null, null);
        while (!events.isEmpty() && events.peek().at() < end) {
            Event event = events.poll();
            now = event.at();
            clock.set(start.plusMillis(now));
            handle(event);
        }
        for (Agent agent : busy) {
            if (agent.talking) {
                talkSeconds += (end - agent.since) / 1000.0;
            }
        }
        return new ShiftResult(talkSeconds, parameters.agents() * end / 1000.0, connects, abandoned, idleSeconds,
                dialled, worstHourPercent());
    }

    private void handle(Event event) {
        switch (event.kind()) {
            case TICK -> {
                dial();
                schedule(now + TICK, Kind.TICK, null, null);
            }
            case ANSWERED -> answered(event.call());
            case ENDED_UNANSWERED -> {
                ringing.remove(event.call());
                Duration ring = Duration.ofMillis(now - event.call().placedAt);
                if (event.call().drawn.ending() == CallModel.Ending.MACHINE) {
                    outcomes.answeredMachine(clock.instant(), ring);
                } else {
                    outcomes.unanswered(clock.instant(), ring);
                }
            }
            case GAVE_UP -> {
                if (event.call().waiting) {
                    event.call().waiting = false;
                    waiting.remove(event.call());
                    abandoned++;
                    lostByMinute[(int) (now / 60_000)]++;
                    liveByMinute[(int) (now / 60_000)]++;
                    outcomes.abandoned(clock.instant());
                }
            }
            case TALK_ENDED -> {
                Agent agent = event.agent();
                talkSeconds += (now - agent.since) / 1000.0;
                outcomes.talkEnded(clock.instant(), Duration.ofMillis(now - agent.since));
                agent.talking = false;
                agent.since = now;
                schedule(now + Math.round(parameters.wrapSeconds() * 1000), Kind.WRAP_ENDED, null, agent);
            }
            case WRAP_ENDED -> {
                Agent agent = event.agent();
                outcomes.wrapEnded(clock.instant(), Duration.ofMillis(now - agent.since));
                busy.remove(agent);
                agent.since = now;
                Call caller = waiting.pollFirst();
                if (caller != null) {
                    caller.waiting = false;
                    connect(agent, caller);
                } else {
                    ready.addLast(agent);
                    dial();
                }
            }
        }
    }

    private void dial() {
        int calls = Math.min(CampaignDialer.MAX_CALLS_PER_PASS, pacer.callsToPlace(snapshot()));
        for (int i = 0; i < calls; i++) {
            Call call = new Call(now, model.draw(random));
            ringing.add(call);
            dialled++;
            outcomes.dialled(clock.instant());
            long endsAt = now + Math.round(call.drawn.seconds() * 1000);
            schedule(endsAt, call.drawn.ending() == CallModel.Ending.LIVE ? Kind.ANSWERED : Kind.ENDED_UNANSWERED,
                    call, null);
        }
    }

    private void answered(Call call) {
        ringing.remove(call);
        outcomes.answeredLive(clock.instant(), Duration.ofMillis(now - call.placedAt));
        call.answeredAt = now;
        Agent agent = ready.pollFirst();
        if (agent != null) {
            connect(agent, call);
        } else {
            call.waiting = true;
            waiting.addLast(call);
            schedule(now + CONNECT_WAIT, Kind.GAVE_UP, call, null);
        }
    }

    private void connect(Agent agent, Call call) {
        idleSeconds += (now - agent.since) / 1000.0;
        connects++;
        liveByMinute[(int) (now / 60_000)]++;
        outcomes.connected(clock.instant(), Duration.ofMillis(now - call.answeredAt));
        agent.talking = true;
        agent.since = now;
        busy.add(agent);
        schedule(now + Math.round(model.talk(random) * 1000), Kind.TALK_ENDED, null, agent);
    }

    private PacingInput snapshot() {
        List<Duration> talking = new ArrayList<>();
        List<Duration> wrapping = new ArrayList<>();
        for (Agent agent : busy) {
            (agent.talking ? talking : wrapping).add(Duration.ofMillis(now - agent.since));
        }
        List<Duration> rung = new ArrayList<>(ringing.size());
        for (Call call : ringing) {
            rung.add(Duration.ofMillis(now - call.placedAt));
        }
        return new PacingInput(clock.instant(), ready.size(), talking, wrapping, rung, waiting.size());
    }

    private double worstHourPercent() {
        double worst = 0;
        long live = 0;
        long lost = 0;
        for (int minute = 0; minute < liveByMinute.length; minute++) {
            live += liveByMinute[minute];
            lost += lostByMinute[minute];
            if (minute >= 60) {
                live -= liveByMinute[minute - 60];
                lost -= lostByMinute[minute - 60];
            }
            if (minute >= 59 && live >= 50) {
                worst = Math.max(worst, 100.0 * lost / live);
            }
        }
        return worst;
    }

    private void schedule(long at, Kind kind, Call call, Agent agent) {
        events.add(new Event(at, order++, kind, call, agent));
    }
}

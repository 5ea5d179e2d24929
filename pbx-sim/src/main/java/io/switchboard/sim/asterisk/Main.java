package io.switchboard.sim.asterisk;

import io.switchboard.sim.PbxFlavor;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.freeswitch.FreeswitchConfig;
import io.switchboard.sim.freeswitch.FreeswitchSimulator;
import io.switchboard.sim.freeswitch.FsDialplan;
import io.switchboard.sim.traffic.TrafficBound;
import io.switchboard.sim.traffic.TrafficModel;
import io.switchboard.sim.traffic.TrafficProfile;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code pbx-sim}: runs the simulated Asterisk (default) or FreeSWITCH ({@code --pbx freeswitch})
 * standalone, optionally with seeded traffic, until interrupted.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = -1;
        PbxFlavor pbx = PbxFlavor.ASTERISK;
        String password = "ClueCon";
        long seed = 1;
        double timeScale = 1.0;
        double answers = 0.9;
        Duration patience = Duration.ofSeconds(60);
        TrafficBound bound = null;
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, Double> inbound = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return;
                }
                case "--pbx" -> pbx = flavor(value(args, ++i, "--pbx"));
                case "--ami-port", "--esl-port" -> {
                    String option = args[i];
                    port = Integer.parseInt(value(args, ++i, option));
                }
                case "--password" -> password = value(args, ++i, "--password");
                case "--user" -> {
                    String[] spec = pair(value(args, ++i, "--user"), "--user needs name:secret");
                    users.put(spec[0], spec[1]);
                }
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--inbound" -> {
                    String[] spec = pair(value(args, ++i, "--inbound"), "--inbound needs DID:callsPerMinute");
                    inbound.put(spec[0], Double.parseDouble(spec[1]));
                }
                case "--patience" -> patience = Duration.ofMillis((long) (1000 * Double.parseDouble(value(args, ++i, "--patience"))));
                case "--agent-answers" -> answers = Double.parseDouble(value(args, ++i, "--agent-answers"));
                case "--calls" -> bound = TrafficBound.calls(Integer.parseInt(value(args, ++i, "--calls")));
                case "--minutes" -> bound = TrafficBound.duration(
                        Duration.ofMillis((long) (60_000 * Double.parseDouble(value(args, ++i, "--minutes")))));
                case "--time-scale" -> timeScale = Double.parseDouble(value(args, ++i, "--time-scale"));
                default -> fail("unknown option " + args[i]);
            }
        }
        if (users.isEmpty()) {
            users.put("switchboard", "switchboard");
        }
        SimulatedPbx sim;
        if (pbx == PbxFlavor.FREESWITCH) {
            sim = new FreeswitchSimulator(FreeswitchConfig.of(password).withTimeScale(timeScale)
                    .withDialplan(FsDialplan.switchboard())).start(port < 0 ? 8021 : port);
            System.out.println("pbx-sim: FreeSWITCH 1.10 ESL on 127.0.0.1:" + sim.port() + ", password set");
        } else {
            sim = new AsteriskSimulator(new SimulatorConfig(users, Dialplan.switchboard(GlueContexts.shipped()),
                    Map.of(), timeScale, Clock.systemUTC())).start(port < 0 ? 5038 : port);
            System.out.println("pbx-sim: Asterisk 20 AMI on 127.0.0.1:" + sim.port() + ", users " + users.keySet());
        }
        if (!inbound.isEmpty()) {
            TrafficProfile profile = TrafficProfile.inbound(inbound).withPatience(patience)
                    .withAgents(answers, Duration.ofSeconds(4));
            long used = seed;
            new TrafficModel(profile, seed).run(sim, bound == null ? TrafficBound.duration(Duration.ofDays(365)) : bound)
                    .thenAccept(r -> System.out.println("pbx-sim: traffic (seed " + used + ") done: " + r));
            System.out.println("pbx-sim: traffic seed " + seed + ", inbound per minute " + inbound);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.stop();
            stopped.countDown();
        }, "pbx-sim-shutdown"));
        stopped.await();
    }

    private static PbxFlavor flavor(String name) {
        try {
            return PbxFlavor.parse(name);
        } catch (IllegalArgumentException e) {
            fail("--pbx is asterisk or freeswitch, not " + name);
            return PbxFlavor.ASTERISK;
        }
    }

    private static String[] pair(String spec, String message) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            fail(message);
        }
        return new String[] {spec.substring(0, colon), spec.substring(colon + 1)};
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("pbx-sim: " + message + "\n" + usage());
        System.exit(2);
    }

    static String usage() {
        return String.join("\n",
                "Usage: pbx-sim [--pbx asterisk|freeswitch] [--ami-port N] [--user name:secret]...",
                "               [--esl-port N] [--password P] [--seed N] [--inbound DID:perMinute]...",
                "               [--patience S] [--agent-answers P] [--calls N | --minutes M] [--time-scale X]",
                "  --pbx NAME            asterisk (AMI, default) or freeswitch (inbound ESL)",
                "  --ami-port N          AMI port on 127.0.0.1 (default 5038, 0 = any free port)",
                "  --user name:secret    an AMI user (repeatable; default switchboard:switchboard)",
                "  --esl-port N          ESL port on 127.0.0.1 with --pbx freeswitch (default 8021, 0 = any)",
                "  --password P          ESL password with --pbx freeswitch (default ClueCon)",
                "  --seed N              seed of the traffic model (default 1; same seed, same traffic)",
                "  --inbound DID:R       Poisson inbound calls to DID at R per minute (repeatable; starts traffic)",
                "  --patience S          mean seconds a caller waits before abandoning (default 60)",
                "  --agent-answers P     probability that a dialled SIP/agent-… phone answers (default 0.9)",
                "  --calls N             stop arrivals after N calls (default: run until stopped)",
                "  --minutes M           stop arrivals after M simulated minutes",
                "  --time-scale X        real seconds per simulated second (default 1.0; 0.1 = 10x faster)",
                "  --help                this text");
    }
}

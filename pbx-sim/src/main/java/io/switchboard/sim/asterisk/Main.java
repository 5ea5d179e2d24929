package io.switchboard.sim.asterisk;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code pbx-sim}: runs the simulated Asterisk standalone until interrupted. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 5038;
        Map<String, String> users = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return;
                }
                case "--ami-port" -> port = Integer.parseInt(value(args, ++i, "--ami-port"));
                case "--user" -> {
                    String spec = value(args, ++i, "--user");
                    int colon = spec.indexOf(':');
                    if (colon <= 0) {
                        fail("--user needs name:secret");
                    }
                    users.put(spec.substring(0, colon), spec.substring(colon + 1));
                }
                case "--seed" -> Long.parseLong(value(args, ++i, "--seed"));
                default -> fail("unknown option " + args[i]);
            }
        }
        if (users.isEmpty()) {
            users.put("switchboard", "switchboard");
        }
        AsteriskSimulator sim = new AsteriskSimulator(new SimulatorConfig(users,
                Dialplan.switchboard(GlueContexts.shipped()), Map.of(), 1.0, Clock.systemUTC())).start(port);
        System.out.println("pbx-sim: Asterisk 20 AMI on 127.0.0.1:" + sim.port() + ", users " + users.keySet());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.stop();
            stopped.countDown();
        }, "pbx-sim-shutdown"));
        stopped.await();
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
                "Usage: pbx-sim [--ami-port N] [--user name:secret]... [--seed N]",
                "  --ami-port N        AMI port on 127.0.0.1 (default 5038, 0 = any free port)",
                "  --user name:secret  an AMI user (repeatable; default switchboard:switchboard)",
                "  --seed N            seed for the traffic model (accepted; the traffic model is not built yet)",
                "  --help              this text");
    }
}

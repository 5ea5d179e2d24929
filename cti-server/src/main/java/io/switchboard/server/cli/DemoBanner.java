package io.switchboard.server.cli;

import java.util.Locale;
import java.util.Map;

/** What the demo prints once it runs: its floor, its traffic and the URLs to watch the ACD at work. */
final class DemoBanner {

  private DemoBanner() {}

  /**
   * The banner for a node on {@code httpPort} whose admin token is {@code adminToken}; {@code callsPerMinute} 0 means
   * no simulated traffic.
   */
  static String text(int httpPort, double callsPerMinute, String adminToken) {
    return text(httpPort, callsPerMinute, adminToken, Map.of());
  }

  /**
   * As above, with the pages' sign-in lines for {@code logins} (username to password: the demo agents, then the
   * supervisor, {@link DemoUsers}).
   */
  static String text(int httpPort, double callsPerMinute, String adminToken, Map<String, String> logins) {
    String api = "http://localhost:" + httpPort + "/api/v1";
    String support = DemoFloor.QUEUES.get(1).did();
    StringBuilder text = new StringBuilder();
    text.append("Agents: ").append(DemoFloor.AGENTS.size()).append(" on auto-answering simulated phones (")
        .append(api).append("/agents)\n");
    for (DemoFloor.DemoQueue queue : DemoFloor.QUEUES) {
      text.append(String.format(Locale.ROOT, "Queue %s %-18s %s%n", queue.did(), queue.name(),
          queue.body().getString("strategy")
              + (queue.body().containsKey("workflow") ? ", skills and a workflow" : "")));
    }
    text.append(callsPerMinute > 0
        ? String.format(Locale.ROOT, "Traffic: %s inbound calls per minute (Poisson), some callers give up%n",
            stripZeros(callsPerMinute))
        : "Traffic: none (--no-traffic)\n");
    if (callsPerMinute > 0) {
      text.append(String.format(Locale.ROOT, "Campaign %s: predictive, %d simulated customers, agents %s "
          + "(nailed up, queue %s; %s blended with inbound)%n", DemoCampaign.ID, DemoCampaign.LEADS,
          String.join(", ", DemoCampaign.AGENTS), DemoCampaign.QUEUE, String.join(", ", DemoCampaign.BLENDED)));
    }
    text.append("API token: ").append(adminToken).append(" (admin; send it as 'Authorization: Bearer <token>')\n");
    text.append("Watch:\n")
        .append("  queues and their KPIs  ").append(api).append("/queues, ").append(api).append("/kpis, ")
        .append(api).append("/queues/").append(support).append("/kpis\n")
        .append("  agents and their state ").append(api).append("/agents/ada/state\n")
        .append("  waiting and ringing    ").append(api).append("/tasks\n")
        .append("  queue_log              ").append(api).append("/queue-log?queue=").append(support).append("\n")
        .append("  KPIs as they change    ws://localhost:").append(httpPort).append("/api/v1/kpis/stream\n")
        .append("  the campaign           ").append(api).append("/campaigns/").append(DemoCampaign.ID)
        .append(", ").append(api).append("/dial-audit?campaign=").append(DemoCampaign.ID).append("\n");
    String pages = "http://localhost:" + httpPort + "/app/";
    logins.forEach((user, password) -> text.append(user.equals(DemoUsers.SUPERVISOR)
        ? String.format(Locale.ROOT, "  supervisor wallboard   %swallboard/  sign in as %s / %s%n", pages, user,
            password)
        : String.format(Locale.ROOT, "  agent desktop          %sdesktop/  sign in as %s / %s%n", pages, user,
            password)));
    return text.toString();
  }

  private static String stripZeros(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}

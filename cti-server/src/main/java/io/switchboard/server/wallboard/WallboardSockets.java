package io.switchboard.server.wallboard;

import io.switchboard.core.id.AgentId;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.switchboard.server.security.Rule;
import io.switchboard.server.security.SocketAuth;
import io.switchboard.server.security.TeamDirectory;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a wallboard's WebSocket into a {@link Screen} of the {@link WallboardStream}, once its first frame
 * authenticated a supervisor or an admin ({@link SocketAuth}): an admin's screen shows every agent, a supervisor's
 * the agents of the teams they supervise.
 */
final class WallboardSockets {

  private static final Logger LOG = LoggerFactory.getLogger(WallboardSockets.class);

  private final WallboardStream stream;
  private final SocketAuth auth;
  private final TeamDirectory teams;

  WallboardSockets(WallboardStream stream, SocketAuth auth, TeamDirectory teams) {
    this.stream = stream;
    this.auth = auth;
    this.teams = teams;
  }

  /** Waits for the auth frame, then streams to the socket what its caller may see. */
  void accept(ServerWebSocket socket) {
    auth.accept(socket, Rule.SUPERVISOR, Map.of()).onSuccess(caller -> accept(socket,
        agent -> caller.mayActOn(agent.value(), teams.teamsOf(agent.value()))));
  }

  /** A wallboard that may see the agents {@code sees} lets through. */
  void accept(ServerWebSocket socket, Predicate<AgentId> sees) {
    Screen screen = new Screen() {
      @Override
      public boolean sees(AgentId agent) {
        return sees.test(agent);
      }

      @Override
      public void send(JsonObject message) {
        if (!socket.isClosed()) {
          socket.writeTextMessage(message.encode());
        }
      }
    };
    socket.exceptionHandler(failure -> LOG.debug("event=wallboard-socket-failed reason={}", failure.toString()));
    socket.closeHandler(closed -> stream.detach(screen));
    stream.attach(screen);
  }
}

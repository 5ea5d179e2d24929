package io.switchboard.server.wallboard;

import io.switchboard.core.id.AgentId;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a wallboard's WebSocket into a {@link Screen} of the {@link WallboardStream}. */
final class WallboardSockets {

  private static final Logger LOG = LoggerFactory.getLogger(WallboardSockets.class);

  private final WallboardStream stream;

  WallboardSockets(WallboardStream stream) {
    this.stream = stream;
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

  /** Before the security contract: every agent. */
  void accept(ServerWebSocket socket) {
    accept(socket, agent -> true);
  }
}

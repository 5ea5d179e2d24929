package io.switchboard.esl.connection;

import io.switchboard.core.id.PbxId;
import io.switchboard.esl.EslSettings;
import io.switchboard.esl.wire.EslFrame;
import io.switchboard.esl.wire.EslFrameDecoder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One TCP connection to the event socket, from {@code auth/request} to close. Runs on the connection's
 * context (the socket's event loop): cuts frames, matches replies first in first out, hands event frames
 * to the events executor, and tells its {@link EslConnection} when it is gone.
 */
final class EslSession implements EslFrameDecoder.Sink {

    private record Pending(String command, Promise<EslFrame> reply, long timer) {
    }

    private final PbxId pbx;
    private final NetSocket socket;
    private final Vertx vertx;
    private final EslSettings settings;
    private final MalformedFrames malformed;
    private final Executor events;
    private final EslConnection connection;
    private final EslFrameDecoder decoder = new EslFrameDecoder(this);
    private final Promise<Void> greeted = Promise.promise();
    private final Deque<Pending> replies = new ArrayDeque<>();
    private boolean ended;
    private boolean loggedIn;
    private volatile boolean shutdownReported;
    private String goodbye;

    EslSession(PbxId pbx, NetSocket socket, Vertx vertx, EslSettings settings, MalformedFrames malformed,
            Executor events, EslConnection connection) {
        this.pbx = pbx;
        this.socket = socket;
        this.vertx = vertx;
        this.settings = settings;
        this.malformed = malformed;
        this.events = events;
        this.connection = connection;
        socket.handler(buffer -> decoder.feed(buffer.getBytes()));
        socket.closeHandler(v -> connection.lost(this, goodbye != null ? goodbye : "connection closed by FreeSWITCH"));
        socket.exceptionHandler(e -> connection.lost(this, "socket error: " + e.getMessage()));
    }

    /** Waits for {@code auth/request}, authenticates and subscribes; fails with {@link AuthRefusedException} on a bad password. */
    Future<Void> login(List<String> customSubclasses) {
        long timer = vertx.setTimer(settings.connectTimeout().toMillis(),
                id -> greeted.tryFail("no auth/request within " + settings.connectTimeout().toMillis() + " ms"));
        return greeted.future()
                .onComplete(v -> vertx.cancelTimer(timer))
                .compose(v -> send("auth " + settings.password() + "\n\n"))
                .compose(reply -> {
                    String text = reply.header("Reply-Text").orElse("");
                    return text.startsWith("+OK") ? Future.<Void>succeededFuture()
                            : Future.<Void>failedFuture(new AuthRefusedException(text));
                })
                .compose(v -> send(EslSubscription.command(settings.encoding(), customSubclasses) + "\n\n"))
                .compose(reply -> {
                    String text = reply.header("Reply-Text").orElse("");
                    if (!text.startsWith("+OK")) {
                        return Future.failedFuture("event subscription refused: " + text);
                    }
                    loggedIn = true;
                    return Future.succeededFuture();
                });
    }

    /** Writes a complete command (ending in a blank line); the future has its reply. */
    Future<EslFrame> send(String wire) {
        if (ended) {
            return Future.failedFuture("connection closed");
        }
        String command = wire.startsWith("auth ") ? "auth ****" : wire.lines().findFirst().orElse("");
        Promise<EslFrame> reply = Promise.promise();
        long timer = vertx.setTimer(settings.replyTimeout().toMillis(), id -> connection.lost(this,
                "no reply to '" + command + "' within " + settings.replyTimeout().toMillis() + " ms"));
        replies.add(new Pending(command, reply, timer));
        socket.write(wire);
        return reply.future();
    }

    /** Closes the socket and fails what waits on it; true the first time only. */
    boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        greeted.tryFail("connection closed");
        for (Pending pending = replies.poll(); pending != null; pending = replies.poll()) {
            vertx.cancelTimer(pending.timer());
            pending.reply().tryFail("connection closed before the reply to '" + pending.command() + "'");
        }
        socket.close();
        return true;
    }

    boolean loggedIn() {
        return loggedIn;
    }

    boolean shutdownReported() {
        return shutdownReported;
    }

    void shutdownReported(boolean reported) {
        shutdownReported = reported;
    }

    @Override
    public void frame(EslFrame frame) {
        switch (frame.contentType()) {
            case EslFrame.AUTH_REQUEST -> greeted.tryComplete();
            case EslFrame.COMMAND_REPLY, EslFrame.API_RESPONSE -> reply(frame);
            case EslFrame.EVENT_PLAIN, EslFrame.EVENT_JSON -> handOff(frame);
            case EslFrame.DISCONNECT_NOTICE -> {
                goodbye = "FreeSWITCH disconnected: " + frame.body().lines().findFirst().orElse("(no reason)");
                connection.lost(this, goodbye);
            }
            case "text/rude-rejection" -> connection.lost(this, "FreeSWITCH rejected the connection (acl): "
                    + frame.body().trim());
            case EslFrame.LOG_DATA -> {
                // Switchboard never sends 'log'; a log line that arrives anyway carries nothing for it
            }
            default -> malformed.skipped(MalformedFrames.UNKNOWN_CONTENT_TYPE + frame.contentType(),
                    frame.headers() + " " + frame.body());
        }
    }

    @Override
    public void malformed(String kind, String sample) {
        malformed.skipped(kind, sample);
    }

    private void reply(EslFrame frame) {
        Pending pending = replies.poll();
        if (pending == null) {
            malformed.skipped(MalformedFrames.UNEXPECTED_REPLY, frame.headers() + " " + frame.body());
            return;
        }
        vertx.cancelTimer(pending.timer());
        pending.reply().tryComplete(frame);
    }

    private void handOff(EslFrame frame) {
        try {
            events.execute(() -> connection.onEvent(this, frame));
        } catch (RejectedExecutionException e) {
            malformed.skipped("event-executor-rejected", pbx + " " + frame.contentType());
        }
    }
}

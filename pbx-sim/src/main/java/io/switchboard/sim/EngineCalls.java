package io.switchboard.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls from outside into a simulator's single engine thread: the task runs there, the caller waits for its
 * answer (at most {@value #WAIT_SECONDS} s), so tests and drivers never touch engine state themselves.
 */
public final class EngineCalls {

    /** How long a caller waits for the engine. */
    public static final int WAIT_SECONDS = 10;

    private EngineCalls() {
    }

    /**
     * Runs {@code task} on {@code engine} and returns its result.
     *
     * @throws IllegalStateException if the task failed, the engine did not answer in time or the wait was interrupted
     */
    public static <T> T call(Executor engine, Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        engine.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("pbx-sim engine task failed", e);
        }
    }

    /**
     * A listening socket on 127.0.0.1:{@code port} (0 = any free port). A simulator restarted on its old port
     * may find it still held for a moment by the sockets of the one just stopped, so a fixed port is tried
     * again for up to two seconds before giving up.
     *
     * @throws UncheckedIOException naming the port when it stays taken
     */
    public static ServerSocket listen(int port) {
        for (int attempt = 0; ; attempt++) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                try {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                    return socket;
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
            } catch (IOException e) {
                if (port == 0 || attempt == 20) {
                    throw new UncheckedIOException("pbx-sim cannot listen on 127.0.0.1:" + port, e);
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException("pbx-sim cannot listen on 127.0.0.1:" + port, e);
                }
            }
        }
    }

    /** Runs {@code shutdown} on {@code engine} and waits for it; a stop goes on whatever happens. */
    public static void shutDown(Executor engine, Runnable shutdown) {
        try {
            call(engine, () -> {
                shutdown.run();
                return null;
            });
        } catch (IllegalStateException stoppingAnyway) {
            // the engine is stopped next in any case
        }
    }
}

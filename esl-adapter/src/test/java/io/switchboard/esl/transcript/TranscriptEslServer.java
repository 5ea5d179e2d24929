package io.switchboard.esl.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback event socket that plays a recorded FreeSWITCH 1.10 session to every client that connects:
 * it writes the RECEIVED blocks in order and, where the recording has a SENT block, waits for the client's
 * next command. A command that matches the recorded one (same command word; for {@code api}/{@code bgapi}
 * also the same sub-command) gets the recorded answer, with the recorded {@code Job-UUID} replaced by the
 * client's (both are 36 characters, so every Content-Length stays right).
 *
 * <p>{@code EslConnection} subscribes and resyncs after every login, which the recordings (made by a
 * simple capture client) do not always contain; those commands get the answers in {@link #HANDSHAKE},
 * copied from fixture 10's real replies except for the empty channel list (FreeSWITCH's own shape for no
 * rows). A {@code bgapi} the recording does not expect gets a real-shaped {@code +OK Job-UUID} reply and
 * no BACKGROUND_JOB (a job that never answers). Anything else gets {@code -ERR} and is listed in
 * {@link #problems()}.
 */
public final class TranscriptEslServer implements AutoCloseable {

    static final Map<String, String> HANDSHAKE = Map.of(
            "event", "Content-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n",
            "api show", reply("{\"row_count\":0}"),
            "api status", reply("UP 0 years, 0 days, 0 hours, 3 minutes, 33 seconds, 87 milliseconds, 751 microseconds\n"
                    + "FreeSWITCH (Version 1.10.12-release  64bit) is ready\n"));

    private static final Pattern JOB_UUID = Pattern.compile("(?m)^Job-UUID: (\\S+)");

    private final EslTranscript transcript;
    private final ServerSocket server;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Map<String, String> scripts = new ConcurrentHashMap<>();
    private volatile Session current;

    private TranscriptEslServer(EslTranscript transcript) throws IOException {
        this.transcript = transcript;
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "transcript-esl-" + transcript.name());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts playing {@code freeswitch-1.10/<fileName>}. */
    public static TranscriptEslServer playing(String fileName) throws IOException {
        return new TranscriptEslServer(EslTranscript.read(fileName));
    }

    /** The port clients connect to on the loopback address. */
    public int port() {
        return server.getLocalPort();
    }

    /** How many client connections were accepted so far. */
    public int sessions() {
        return sessions.get();
    }

    /** The first line of every command clients sent, in order ({@code auth} with its password as sent). */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** Commands neither the recording nor the handshake answers. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Plays the rest of the recording to the current client without waiting for its commands, then closes. */
    public void playRest() throws IOException {
        Session session = current;
        synchronized (session.out) {
            while (session.next < transcript.steps().size()) {
                EslTranscript.Step step = transcript.steps().get(session.next++);
                if (!step.sent()) {
                    session.write(step.text());
                }
            }
        }
        session.socket.close();
    }

    /**
     * From now on, an {@code api} command starting with {@code command} that the recording does not expect
     * is answered with {@code body} as FreeSWITCH frames an {@code api/response} (e.g. a channel list for
     * {@code api show channels as json}, a value for {@code api uuid_getvar <uuid> <name>}, which FreeSWITCH
     * sends without a trailing LF, Quirk 3). A longer matching prefix wins; {@code null} removes the script.
     */
    public void script(String command, String body) {
        if (body == null) {
            scripts.remove(command);
        } else {
            scripts.put(command, body);
        }
    }

    /** Writes raw bytes to the current client now. */
    public void inject(String wire) throws IOException {
        Session session = current;
        synchronized (session.out) {
            session.out.write(wire.getBytes(StandardCharsets.UTF_8));
            session.out.flush();
        }
    }

    /** Closes the current client's socket without a word, as a crashed FreeSWITCH would. */
    public void dropCurrent() throws IOException {
        current.socket.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Session session = current;
        if (session != null) {
            session.socket.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.incrementAndGet();
                Session session = new Session(socket);
                current = session;
                Thread thread = new Thread(session::play, "transcript-esl-session-" + sessions.get());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static String reply(String body) {
        return "Content-Type: api/response\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\n\n" + body;
    }

    private final class Session {

        final Socket socket;
        final OutputStream out;
        final Map<String, String> jobUuids = new HashMap<>();
        volatile int next;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void play() {
            try (socket; InputStream in = socket.getInputStream()) {
                writeReceived();
                while (next < transcript.steps().size()) {
                    String command = readCommand(in);
                    if (command == null) {
                        return;
                    }
                    answer(command);
                }
                socket.shutdownOutput();
                while (in.read() >= 0) {
                    // FreeSWITCH closes after its last message; wait for the client to close too
                }
            } catch (IOException closed) {
                // the client or the test closed the socket
            }
        }

        private void answer(String command) throws IOException {
            String first = command.lines().findFirst().orElse("");
            commands.add(first);
            synchronized (out) {
                EslTranscript.Step expected = next < transcript.steps().size() ? transcript.steps().get(next) : null;
                if (expected != null && expected.sent() && sameCommand(first, expected.text())) {
                    mapJobUuid(expected.text(), command);
                    next++;
                    writeReceived();
                    return;
                }
                String script = scripted(first);
                String handshake = handshake(first);
                if (script != null) {
                    write(reply(script));
                } else if (handshake != null) {
                    write(handshake);
                } else if (first.startsWith("bgapi ")) {
                    String job = jobUuid(command);
                    write("Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + job + "\nJob-UUID: " + job + "\n\n");
                } else {
                    problems.add(first);
                    write(first.startsWith("api ") ? reply("-ERR not in the recording\n")
                            : "Content-Type: command/reply\nReply-Text: -ERR not in the recording\n\n");
                }
            }
        }

        private void writeReceived() throws IOException {
            synchronized (out) {
                while (next < transcript.steps().size() && !transcript.steps().get(next).sent()) {
                    write(transcript.steps().get(next++).text());
                }
            }
        }

        void write(String text) throws IOException {
            String mapped = text;
            for (Map.Entry<String, String> job : jobUuids.entrySet()) {
                mapped = mapped.replace(job.getKey(), job.getValue());
            }
            out.write(mapped.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        private void mapJobUuid(String recorded, String sent) {
            Matcher was = JOB_UUID.matcher(recorded);
            Matcher is = JOB_UUID.matcher(sent);
            if (was.find() && is.find() && was.group(1).length() == is.group(1).length()) {
                jobUuids.put(was.group(1), is.group(1));
            }
        }

        private String readCommand(InputStream in) throws IOException {
            ByteArrayOutputStream command = new ByteArrayOutputStream();
            int last = -1;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n' && last == '\n') {
                    return command.toString(StandardCharsets.UTF_8);
                }
                command.write(b);
                last = b;
            }
            return null;
        }
    }

    private String scripted(String first) {
        return scripts.entrySet().stream().filter(e -> first.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue).orElse(null);
    }

    private static String handshake(String first) {
        if (first.startsWith("event ")) {
            return HANDSHAKE.get("event");
        }
        if (first.startsWith("api show channels")) {
            return HANDSHAKE.get("api show");
        }
        return first.equals("api status") ? HANDSHAKE.get("api status") : null;
    }

    private static boolean sameCommand(String sent, String recorded) {
        String[] a = sent.split(" ", 3);
        String[] b = recorded.lines().findFirst().orElse("").split(" ", 3);
        if (!a[0].equals(b[0])) {
            return false;
        }
        boolean hasSub = a[0].equals("api") || a[0].equals("bgapi");
        return !hasSub || (a.length > 1 && b.length > 1 && a[1].equals(b[1]));
    }

    private static String jobUuid(String command) {
        Matcher job = JOB_UUID.matcher(command);
        return job.find() ? job.group(1) : "00000000-0000-0000-0000-000000000000";
    }
}

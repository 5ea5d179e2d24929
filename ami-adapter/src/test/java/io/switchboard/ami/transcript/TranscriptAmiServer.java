package io.switchboard.ami.transcript;

import io.switchboard.sim.ami.AmiAction;
import io.switchboard.sim.ami.AmiActionReader;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import io.switchboard.sim.transcript.TranscriptBlock;
import io.switchboard.sim.wire.Decoded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback AMI server that plays a recorded Asterisk 20 session to every client that connects: it
 * writes the RECEIVED blocks in order, and before a RECEIVED block that answers a SENT block it waits
 * for the client's actions and checks their names, rewriting the recorded ActionIDs to the client's.
 *
 * <p>Asterisk-Java logs in with {@code Challenge} (MD5) and then asks {@code CoreSettings} for the
 * version; the recordings used a plaintext Login and never asked. {@code AmiConnection} resyncs with
 * {@code CoreShowChannels} after every login. Those three are answered with synthetic responses (marked
 * as such in {@link #HANDSHAKE}; the channel list is empty, as it was in the recordings, where Asterisk
 * had just been restarted); any other unexpected action gets a synthetic {@code Response: Error} and is
 * listed in {@link #problems()}.
 */
public final class TranscriptAmiServer implements AutoCloseable {

    /**
     * Actions the client sends that no recording contains, and the (synthetic) answer they get;
     * {@code {id}} stands for the client's ActionID.
     */
    static final Map<String, String> HANDSHAKE = Map.of(
            "challenge", "Response: Success\r\nChallenge: 123456789\r\nActionID: {id}\r\n\r\n",
            "coresettings", "Response: Success\r\nAMIversion: 9.0.0\r\nAsteriskVersion: 20.20.1\r\n"
                    + "SystemName: \r\nCoreMaxCalls: 0\r\nCoreRunUser: \r\nCoreRunGroup: \r\nActionID: {id}\r\n\r\n",
            "coreshowchannels", "Response: Success\r\nActionID: {id}\r\nEventList: start\r\n"
                    + "Message: Channels will follow\r\n\r\nEvent: CoreShowChannelsComplete\r\nActionID: {id}\r\n"
                    + "EventList: Complete\r\nListItems: 0\r\n\r\n");

    private static final Pattern ACTION_ID = Pattern.compile("(?m)^ActionID: ([^\r\n]*)");

    private final Transcript transcript;
    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> actionsSeen = new CopyOnWriteArrayList<>();
    private final List<AmiAction> received = new CopyOnWriteArrayList<>();
    private volatile OutputStream currentOut;

    private TranscriptAmiServer(Transcript transcript) throws IOException {
        this.transcript = transcript;
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "transcript-ami-" + transcript.name());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts playing {@code asterisk-20/<fileName>} from {@code ../shared/fixtures}. */
    public static TranscriptAmiServer playing(String fileName) throws IOException {
        return new TranscriptAmiServer(Transcript.read(fixtures().resolve("asterisk-20").resolve(fileName)));
    }

    /** The port clients connect to on the loopback address. */
    public int port() {
        return server.getLocalPort();
    }

    /** How many client connections were accepted so far. */
    public int sessions() {
        return sessions.get();
    }

    /** What went wrong in any session: an unexpected action, a missing one. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The action names clients sent, handshake included, in order. */
    public List<String> actionsSeen() {
        return List.copyOf(actionsSeen);
    }

    /**
     * The actions clients sent that the recording answered, with every header as written on the wire
     * (handshake and unexpected actions left out), in order.
     */
    public List<AmiAction> actionsReceived() {
        return List.copyOf(received);
    }

    /** The last answered action named {@code name} (ignoring case), as written on the wire. */
    public AmiAction lastReceived(String name) {
        List<AmiAction> all = actionsReceived();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).is(name)) {
                return all.get(i);
            }
        }
        throw new AssertionError("no " + name + " received; got " + actionsSeen());
    }

    /** Writes raw bytes to the current session now, between recorded blocks. */
    public void inject(byte[] bytes) throws IOException {
        OutputStream out = currentOut;
        if (out == null) {
            throw new IllegalStateException("no session");
        }
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.incrementAndGet();
                Thread session = new Thread(() -> playAndClose(socket), acceptor.getName() + "-" + sessions.get());
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void playAndClose(Socket socket) {
        try (socket) {
            play(socket);
        } catch (IOException | RuntimeException e) {
            problems.add("session ended: " + e);
        }
    }

    private void play(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        currentOut = out;
        Session session = new Session(in, out);
        List<TranscriptBlock> blocks = transcript.blocks();
        List<String> awaited = new ArrayList<>();
        for (TranscriptBlock block : blocks) {
            if (block.direction() == Direction.SENT) {
                awaited.addAll(session.recordedActions(block));
                continue;
            }
            for (String recorded : awaited) {
                session.await(recorded);
            }
            awaited.clear();
            session.write(session.rewrite(block.text()));
        }
        currentOut = null;
    }

    /** One client connection: its pending actions and the ActionID map. */
    private final class Session {

        private final InputStream in;
        private final OutputStream out;
        private final AmiActionReader reader = new AmiActionReader();
        private final Deque<AmiAction> pending = new ArrayDeque<>();
        private final Map<String, String> ids = new HashMap<>();

        Session(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        List<String> recordedActions(TranscriptBlock block) {
            List<String> recorded = new ArrayList<>();
            for (Decoded<AmiAction> decoded : new AmiActionReader().feed(block.bytes())) {
                if (decoded instanceof Decoded.Ok<AmiAction> ok) {
                    recorded.add(ok.value().name() + "\n" + ok.value().actionId().orElse(""));
                }
            }
            return recorded;
        }

        void await(String recorded) throws IOException {
            String[] nameAndId = recorded.split("\n", -1);
            while (true) {
                AmiAction action = next();
                actionsSeen.add(action.name());
                String handshake = HANDSHAKE.get(action.name().toLowerCase(java.util.Locale.ROOT));
                if (handshake != null) {
                    write(handshake.replace("{id}", action.actionId().orElse("")));
                    continue;
                }
                if (!action.is(nameAndId[0])) {
                    problems.add("expected " + nameAndId[0] + " but the client sent " + action.name());
                    write("Response: Error\r\nActionID: " + action.actionId().orElse("")
                            + "\r\nMessage: not in this transcript (synthetic)\r\n\r\n");
                    continue;
                }
                ids.put(nameAndId[1], action.actionId().orElse(""));
                received.add(action);
                return;
            }
        }

        String rewrite(String received) {
            Matcher m = ACTION_ID.matcher(received);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replaced = ids.getOrDefault(m.group(1), m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement("ActionID: " + replaced));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        void write(String text) throws IOException {
            synchronized (out) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }

        private AmiAction next() throws IOException {
            byte[] buffer = new byte[4096];
            while (pending.isEmpty()) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("client closed the connection");
                }
                for (Decoded<AmiAction> decoded : reader.feed(buffer, 0, n)) {
                    if (decoded instanceof Decoded.Ok<AmiAction> ok) {
                        pending.add(ok.value());
                    }
                }
            }
            return pending.poll();
        }
    }

    private static Path fixtures() {
        String override = System.getProperty("sb.fixtures");
        return override != null ? Paths.get(override)
                : Paths.get(System.getProperty("user.dir")).resolve("../../shared/fixtures").normalize();
    }
}

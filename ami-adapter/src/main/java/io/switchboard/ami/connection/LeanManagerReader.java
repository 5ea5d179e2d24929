package io.switchboard.ami.connection;

import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ProtocolIdentifierReceivedEvent;
import org.asteriskjava.manager.internal.ManagerReader;
import org.asteriskjava.manager.internal.ReaderReplacingConnection;
import org.asteriskjava.manager.internal.backwardsCompatibility.BackwardsCompatibilityForManagerEvents;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.DateUtil;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the AMI wire in place of Asterisk-Java 3.42's {@code ManagerReaderImpl}, with the same framing and the
 * same objects out, but a fraction of its garbage: header names are lower-cased once per distinct name
 * ({@link HeaderNames}), a line is cut once (the library splits, lower-cases and trims it into four copies), the
 * headers go into a reused {@link MessageHeaders} instead of a fresh map entry each, and events are made through
 * setter tables built once per class ({@link EventBeans}) instead of a regular expression per header.
 *
 * <p>What the connection needs from its reader is kept: the banner becomes a
 * {@link ProtocolIdentifierReceivedEvent} (login waits for it); responses are matched to their actions by
 * ActionID, with the response class the action asked for; {@code Response: Follows} keeps the line ending in
 * {@code --END COMMAND--}; a header given twice becomes a list (Output lines, ChanVariable); the library's
 * backward-compatible events follow theirs (BridgeEnter's legacy Bridge event); the end of the stream or a read
 * error ends with a {@link DisconnectEvent}.
 *
 * <p>One difference: events and responses are handed to the connection on this reader thread, where the library
 * queues them to a second thread ({@code AsyncEventPump}) first. That removes a thread hand-off from every event's
 * path and a queue node per event; it means a slow listener holds up reading (TCP then holds Asterisk back) instead
 * of growing a queue. Listeners already must not block (the translator does not), and a listener that waited
 * for a response would have deadlocked the library's pump just the same.
 */
final class LeanManagerReader implements ManagerReader {

    private static final Logger LOG = LoggerFactory.getLogger(LeanManagerReader.class);
    private static final String[] BANNERS = {"Asterisk Call Manager/", "Asterisk Call Manager Proxy/",
            "Asterisk Manager Proxy/", "OpenPBX Call Manager/", "CallWeaver Call Manager/"};

    private final ReaderReplacingConnection.ReaderOutput output;
    private final Object source;
    private final EventBeans events;
    private final Map<String, Class<? extends ManagerResponse>> expectedResponses = new ConcurrentHashMap<>();
    private final HeaderNames names = new HeaderNames();
    private final MessageHeaders headers = new MessageHeaders();
    private final BackwardsCompatibilityForManagerEvents compatibility = new BackwardsCompatibilityForManagerEvents();

    private volatile SocketConnectionFacade socket;
    private volatile boolean die;
    private volatile boolean dead;
    private volatile IOException terminationException;

    LeanManagerReader(ReaderReplacingConnection.ReaderOutput output, Object source) {
        this.output = output;
        this.source = source;
        this.events = new EventBeans(source);
    }

    @Override
    public void setSocket(SocketConnectionFacade socket) {
        this.socket = socket;
    }

    @Override
    public void registerEventClass(Class<? extends ManagerEvent> eventClass) {
        events.register(eventClass);
    }

    @Override
    public void deregisterEventClass(Class<? extends ManagerEvent> eventClass) {
        events.deregister(eventClass);
    }

    @Override
    public void expectResponseClass(String internalActionId, Class<? extends ManagerResponse> responseClass) {
        expectedResponses.put(internalActionId, responseClass);
    }

    @Override
    public void run() {
        SocketConnectionFacade in = socket;
        if (in == null) {
            throw new IllegalStateException("Unable to run: socket is null.");
        }
        die = false;
        dead = false;
        try {
            String line;
            while (!die && (line = in.readLine()) != null) {
                line(line);
            }
            LOG.debug("AMI stream ended");
        } catch (IOException e) {
            terminationException = e;
            LOG.info("AMI reader ends: {}", e.getMessage());
        } finally {
            dead = true;
            headers.clear();
            DisconnectEvent disconnect = new DisconnectEvent(source);
            disconnect.setDateReceived(DateUtil.getDate());
            output.event(disconnect);
        }
    }

    /** One line off the socket, without its CRLF. */
    void line(String line) {
        if (isBanner(line)) {
            ProtocolIdentifierReceivedEvent banner = new ProtocolIdentifierReceivedEvent(source);
            banner.setProtocolIdentifier(line);
            banner.setDateReceived(DateUtil.getDate());
            output.event(banner);
            return;
        }
        if (line.isEmpty()) {
            endOfMessage();
            return;
        }
        if (line.endsWith("--END COMMAND--") && "Follows".equals(headers.get("response"))) {
            headers.put(COMMAND_RESULT_RESPONSE_KEY, line);
            return;
        }
        header(line);
    }

    /** {@code Name: value}: the name is what comes before the first colon, both sides trimmed; no colon, no header. */
    private void header(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return;
        }
        int nameStart = 0;
        int nameEnd = colon;
        while (nameStart < nameEnd && line.charAt(nameStart) <= ' ') {
            nameStart++;
        }
        while (nameEnd > nameStart && line.charAt(nameEnd - 1) <= ' ') {
            nameEnd--;
        }
        if (nameStart == nameEnd) {
            return;
        }
        int valueStart = colon + 1;
        int valueEnd = line.length();
        while (valueStart < valueEnd && line.charAt(valueStart) <= ' ') {
            valueStart++;
        }
        while (valueEnd > valueStart && line.charAt(valueEnd - 1) <= ' ') {
            valueEnd--;
        }
        headers.add(names.of(line, nameStart, nameEnd), line.substring(valueStart, valueEnd));
    }

    private void endOfMessage() {
        try {
            if (headers.contains("event")) {
                ManagerEvent event = events.build(headers);
                if (event != null) {
                    output.event(event);
                    ManagerEvent legacy = compatibility.handleEvent(event);
                    if (legacy != null) {
                        output.event(legacy);
                    }
                }
            } else if (headers.contains("response")) {
                ManagerResponse response = response();
                if (response != null) {
                    output.response(response);
                }
            } else if (!headers.isEmpty()) {
                LOG.debug("AMI message with neither Event nor Response skipped");
            }
        } catch (RuntimeException e) {
            // the library's reader would have died here and dropped the connection; one message is lost instead
            LOG.warn("AMI message skipped: {}", AmiSample.of(e.toString()));
        } finally {
            headers.clear();
        }
    }

    private ManagerResponse response() {
        Object actionId = headers.get("actionid");
        String internal = actionId instanceof String id ? ReaderReplacingConnection.internalActionId(id) : null;
        Class<? extends ManagerResponse> expected = internal == null ? null : expectedResponses.remove(internal);
        ManagerResponse response = output.buildResponse(expected, headers.toMap());
        if (response != null) {
            response.setDateReceived(DateUtil.getDate());
        }
        return response;
    }

    private static boolean isBanner(String line) {
        if (line.isEmpty() || (line.charAt(0) != 'A' && line.charAt(0) != 'O' && line.charAt(0) != 'C')) {
            return false;
        }
        for (String banner : BANNERS) {
            if (line.startsWith(banner)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void die() {
        die = true;
    }

    @Override
    public boolean isDead() {
        return dead;
    }

    @Override
    public IOException getTerminationException() {
        return terminationException;
    }
}

package io.switchboard.ami.connection;

import io.switchboard.ami.translate.AmiTranscripts;
import io.switchboard.ami.translate.userevent.InboundCallEvent;
import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.ProtocolIdentifierReceivedEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.internal.ManagerReader;
import org.asteriskjava.manager.internal.ReaderHarness;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.SocketConnectionFacade;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lean reader against Asterisk-Java 3.42's own {@code ManagerReaderImpl} on every recorded Asterisk 20
 * session: the same lines in, the same events and responses out, property by property (their
 * {@code dateReceived} aside), in the same order. The recordings hold the wire's quirks: multi-line
 * {@code Output} responses, event lists, ChanVariable headers, empty values, unknown events, the banner.
 */
class LeanManagerReaderTest {

    private static final Object SOURCE = new Object();

    @Test
    void every_recorded_session_reads_as_asterisk_javas_own_reader_reads_it() throws Exception {
        int events = 0;
        int responses = 0;
        for (Path file : AmiTranscripts.all()) {
            List<String> lines = lines(file);
            Read library = readWithLibrary(lines);
            Read lean = readLean(lines);

            assertThat(lean.events()).as(file.getFileName() + " events").containsExactlyElementsOf(library.events());
            assertThat(lean.responses()).as(file.getFileName() + " responses")
                    .containsExactlyElementsOf(library.responses());
            events += lean.events().size();
            responses += lean.responses().size();
        }
        assertThat(events).isGreaterThan(2_000);
        assertThat(responses).isGreaterThan(50);
    }

    @Test
    void the_banner_comes_first_and_the_end_of_the_stream_last() {
        List<Object> out = new ArrayList<>();
        ManagerReader reader = lean(out);
        reader.setSocket(new Lines(List.of("Asterisk Call Manager/9.0.0", "Event: Newchannel", "Channel: SIP/1-1",
                "Uniqueid: 17.1", "", "Event: UserEvent", "UserEvent: InboundCall", "Uniqueid: 17.1",
                "Queue: sales", "")));
        reader.run();

        assertThat(out).hasSize(4);
        assertThat(((ProtocolIdentifierReceivedEvent) out.get(0)).getProtocolIdentifier())
                .isEqualTo("Asterisk Call Manager/9.0.0");
        assertThat(((NewChannelEvent) out.get(1)).getChannel()).isEqualTo("SIP/1-1");
        assertThat(out.get(2)).isInstanceOf(InboundCallEvent.class);
        assertThat(out.get(3)).isInstanceOf(DisconnectEvent.class);
        assertThat(reader.isDead()).isTrue();
    }

    @Test
    void a_response_is_built_as_the_class_its_action_asked_for_with_the_legacy_command_output() {
        List<Object> out = new ArrayList<>();
        ManagerReader reader = lean(out);
        reader.expectResponseClass("4a_1", CommandResponse.class);
        reader.setSocket(new Lines(List.of("Response: Follows", "Privilege: Command", "ActionID: 4a_1#7",
                "Name    Status\nsales   up\n--END COMMAND--", "")));
        reader.run();

        assertThat(out.get(0)).isInstanceOf(CommandResponse.class);
        CommandResponse response = (CommandResponse) out.get(0);
        assertThat(response.getActionId()).as("the connection strips the prefix when it dispatches").isEqualTo("4a_1#7");
        assertThat(response.getResult()).containsExactly("Name    Status", "sales   up");
    }

    @Test
    void a_read_error_ends_with_a_disconnect_and_keeps_the_error() {
        List<Object> out = new ArrayList<>();
        ManagerReader reader = lean(out);
        IOException reset = new IOException("Connection reset");
        reader.setSocket(new Lines(List.of("Event: VarSet", "Variable: X", "Value: 1", "")) {
            @Override
            public String readLine() throws IOException {
                String line = super.readLine();
                if (line == null) {
                    throw reset;
                }
                return line;
            }
        });
        reader.run();

        assertThat(out).hasSize(2);
        assertThat(((VarSetEvent) out.get(0)).getValue()).isEqualTo("1");
        assertThat(out.get(1)).isInstanceOf(DisconnectEvent.class);
        assertThat(reader.getTerminationException()).isSameAs(reset);
    }

    @Test
    void header_names_are_made_once_per_distinct_name_whatever_their_case() {
        HeaderNames names = new HeaderNames();
        String first = names.of("Channel: SIP/1", 0, 7);
        String second = names.of("CHANNEL: SIP/2", 0, 7);
        String other = names.of("  Uniqueid : 1", 2, 10);

        assertThat(first).isEqualTo("channel").isSameAs(second);
        assertThat(other).isEqualTo("uniqueid");
        assertThat(names.of("Größe: 1", 0, 5)).isEqualTo("größe");
        assertThat(names.size()).isEqualTo(2);
    }

    @Test
    void the_null_literals_are_asterisk_javas_in_any_case_and_nothing_else() {
        for (String value : List.of("<unknown>", "Unknown", "NONE", "<none>", "-none-", "(None)", "<not set>",
                "(not set)", "<no name>", "N/A", "<null>", "(null)", "", "unknownx", "0", "SIP/1-1", "n/a ")) {
            assertThat(EventSetters.isNullLiteral(value)).as(value).isEqualTo(org.asteriskjava.util.AstUtil.isNull(value));
        }
    }

    private static ManagerReader lean(List<Object> out) {
        ManagerReader reader = new LeanManagerReader(ReaderHarness.output(out::add, out::add), SOURCE);
        SwitchboardUserEvent.CLASSES.forEach(reader::registerEventClass);
        return reader;
    }

    private record Read(List<Map<String, Object>> events, List<Map<String, Object>> responses) {
    }

    private static Read readLean(List<String> lines) {
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> responses = new ArrayList<>();
        ManagerReader reader = new LeanManagerReader(ReaderHarness.output(e -> events.add(properties(e)),
                r -> responses.add(properties(r))), SOURCE);
        SwitchboardUserEvent.CLASSES.forEach(reader::registerEventClass);
        reader.setSocket(new Lines(lines));
        reader.run();
        return new Read(events, responses);
    }

    private static Read readWithLibrary(List<String> lines) throws InterruptedException {
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> responses = new ArrayList<>();
        CountDownLatch disconnected = new CountDownLatch(1);
        ManagerReader reader = ReaderHarness.libraryReader(SOURCE, e -> {
            synchronized (events) {
                events.add(properties(e));
            }
            if (e instanceof DisconnectEvent) {
                disconnected.countDown();
            }
        }, r -> {
            synchronized (events) {
                responses.add(properties(r));
            }
        });
        SwitchboardUserEvent.CLASSES.forEach(reader::registerEventClass);
        reader.setSocket(new Lines(lines));
        reader.run();
        assertThat(disconnected.await(30, TimeUnit.SECONDS)).as("the library's pump delivered its events").isTrue();
        synchronized (events) {
            return new Read(new ArrayList<>(events), new ArrayList<>(responses));
        }
    }

    /** Every getter's value, with the class; the receiving time and the source left out. */
    private static Map<String, Object> properties(Object bean) {
        Map<String, Object> properties = new TreeMap<>();
        properties.put("class", bean.getClass().getName());
        Method[] getters = bean.getClass().getMethods();
        Arrays.sort(getters, Comparator.comparing(Method::getName));
        for (Method getter : getters) {
            String name = getter.getName();
            boolean isGetter = (name.startsWith("get") || name.startsWith("is")) && getter.getParameterCount() == 0;
            if (!isGetter || name.equals("getClass") || name.equals("getSource") || name.equals("getDateReceived")) {
                continue;
            }
            try {
                Object value = getter.invoke(bean);
                properties.put(name, value instanceof Map<?, ?> map ? new TreeMap<>(map).toString()
                        : String.valueOf(value));
            } catch (ReflectiveOperationException | RuntimeException e) {
                properties.put(name, "threw " + e.getClass().getSimpleName());
            }
        }
        return properties;
    }

    /** What the session's client received, cut into lines on CRLF as Asterisk-Java's scanner cuts them. */
    private static List<String> lines(Path file) {
        String received = new String(Transcript.read(file).concatenated(Direction.RECEIVED), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(received.split("\r\n", -1)));
        // the recording client sent bare ActionIDs; Asterisk-Java's have its internal prefix, which readers strip
        lines.replaceAll(l -> l.startsWith("ActionID: ") ? "ActionID: 1a2b_7#" + l.substring(10) : l);
        return lines;
    }

    /** A socket that answers the given lines, then the end of the stream. */
    private static class Lines implements SocketConnectionFacade {
        private final Deque<String> lines;

        Lines(List<String> lines) {
            this.lines = new ArrayDeque<>(lines);
        }

        @Override
        public String readLine() throws IOException {
            return lines.poll();
        }

        @Override
        public void write(String s) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public InetAddress getLocalAddress() {
            return null;
        }

        @Override
        public int getLocalPort() {
            return 0;
        }

        @Override
        public InetAddress getRemoteAddress() {
            return null;
        }

        @Override
        public int getRemotePort() {
            return 0;
        }
    }
}

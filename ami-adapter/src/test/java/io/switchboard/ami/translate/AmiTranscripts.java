package io.switchboard.ami.translate;

import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.sim.ami.AmiDecoder;
import io.switchboard.sim.ami.AmiHeader;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import io.switchboard.sim.wire.Decoded;
import org.asteriskjava.manager.event.ManagerEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The recorded Asterisk 20 sessions as Asterisk-Java 3.42 delivers them: RECEIVED bytes decoded with
 * pbx-sim's codec, each event's headers put in a map the way {@code ManagerReaderImpl} does (lower-case
 * names, trimmed values, empty values dropped, a repeated name becomes a list) and built by Asterisk-Java's
 * own {@code EventBuilderImpl} with the glue's UserEvent classes registered. ActionIDs get the internal
 * prefix Asterisk-Java's writer would have added.
 */
public final class AmiTranscripts {

    private static final Object SOURCE = new Object();

    /**
     * Asterisk-Java sends every action with {@code ActionID: <internal id>#<caller's ActionID>} and strips the
     * prefix from response events; the recording client sent bare ActionIDs, so the prefix is added back.
     */
    private static final String INTERNAL_ACTION_ID = "1a2b_7#";

    private AmiTranscripts() {
    }

    /** Every {@code *.ami.txt} in the fixtures, sorted by name. */
    public static List<Path> all() {
        Path dir = root().resolve("asterisk-20");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ami.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One fixture by file name. */
    public static Path named(String fileName) {
        return root().resolve("asterisk-20").resolve(fileName);
    }

    /** The events Asterisk sent in that session, as raw messages. */
    public static List<AmiMessage> eventMessages(Path file) {
        AmiDecoder decoder = AmiDecoder.clientSide();
        List<AmiMessage> events = new ArrayList<>();
        for (Decoded<?> decoded : decoder.feed(Transcript.read(file).concatenated(Direction.RECEIVED))) {
            if (decoded instanceof Decoded.Ok<?> ok && ok.value() instanceof AmiMessage m && m.event().isPresent()) {
                events.add(m);
            }
        }
        return events;
    }

    /** The events as Asterisk-Java objects; messages Asterisk-Java has no class for are left out, as it does. */
    public static List<ManagerEvent> events(Path file) {
        Builder builder = new Builder();
        return eventMessages(file).stream().map(builder::build).filter(e -> e != null).toList();
    }

    /**
     * Events written by hand as they would appear on the wire (one message per string, header lines joined
     * by {@code \n}), built the same way as the recorded ones.
     */
    public static List<ManagerEvent> fromWire(String... messages) {
        StringBuilder wire = new StringBuilder("Asterisk Call Manager/9.0.0\r\n");
        for (String message : messages) {
            wire.append(message.strip().replace("\n", "\r\n")).append("\r\n\r\n");
        }
        Builder builder = new Builder();
        List<ManagerEvent> events = new ArrayList<>();
        for (Decoded<?> decoded : AmiDecoder.clientSide().feed(wire.toString().getBytes(StandardCharsets.UTF_8))) {
            if (decoded instanceof Decoded.Ok<?> ok && ok.value() instanceof AmiMessage m && m.event().isPresent()) {
                ManagerEvent event = builder.build(m);
                if (event == null) {
                    throw new IllegalArgumentException("Asterisk-Java builds no event from " + m);
                }
                events.add(event);
            }
        }
        return events;
    }

    /** Asterisk-Java's package-private event builder, reached by reflection so that it is not re-implemented. */
    static final class Builder {
        private final Object builder;
        private final Method build;

        Builder() {
            try {
                Class<?> type = Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl");
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                builder = constructor.newInstance();
                Method register = type.getMethod("registerEventClass", Class.class);
                register.setAccessible(true);
                for (Class<?> userEvent : SwitchboardUserEvent.CLASSES) {
                    register.invoke(builder, userEvent);
                }
                build = type.getMethod("buildEvent", Object.class, Map.class);
                build.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Asterisk-Java's EventBuilderImpl changed", e);
            }
        }

        ManagerEvent build(AmiMessage message) {
            try {
                return (ManagerEvent) build.invoke(builder, SOURCE, attributes(message));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> attributes(AmiMessage message) {
            Map<String, Object> buffer = new HashMap<>();
            for (AmiHeader header : message.headers()) {
                String name = header.name().toLowerCase(Locale.ENGLISH).trim();
                String value = header.value().trim();
                if (value.isEmpty()) {
                    continue;
                }
                if (name.equals("actionid") && !value.contains("#")) {
                    value = INTERNAL_ACTION_ID + value;
                }
                Object current = buffer.get(name);
                if (current == null) {
                    buffer.put(name, value);
                } else if (current instanceof List<?> list) {
                    ((List<String>) list).add(value);
                } else {
                    buffer.put(name, new ArrayList<>(List.of(current.toString(), value)));
                }
            }
            return buffer;
        }
    }

    private static Path root() {
        String override = System.getProperty("sb.fixtures");
        Path root = override != null ? Paths.get(override)
                : Paths.get(System.getProperty("user.dir")).resolve("../../shared/fixtures").normalize();
        if (!Files.isDirectory(root.resolve("asterisk-20"))) {
            throw new IllegalStateException("AMI fixtures not found at " + root.toAbsolutePath()
                    + ": expected ../shared/fixtures next to the repository (or set -Dsb.fixtures=<dir>)");
        }
        return root;
    }
}

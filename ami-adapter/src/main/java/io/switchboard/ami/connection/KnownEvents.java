package io.switchboard.ami.connection;

import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether Asterisk-Java has a class for an event name, i.e. whether its reader will drop the event: asked of
 * an event builder of the library's own kind, once per name. The library keeps that builder package-private
 * ({@code org.asteriskjava.manager.internal.EventBuilderImpl}, Asterisk-Java 3.42), so it is reached by
 * reflection; should a later version move it, every event counts as known and nothing else changes.
 */
final class KnownEvents {

    private static final Logger LOG = LoggerFactory.getLogger(KnownEvents.class);
    private static final String BUILDER = "org.asteriskjava.manager.internal.EventBuilderImpl";
    private static final int MAX_CACHED_NAMES = 1_000;

    private final Object builder;
    private final Method build;
    private final Method register;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();
    private final Map<String, Boolean> knownUserEvents = new ConcurrentHashMap<>();

    private KnownEvents(Object builder, Method build, Method register) {
        this.builder = builder;
        this.build = build;
        this.register = register;
    }

    /** A builder with the library's built-in event classes; one that knows every name if it cannot be made. */
    static KnownEvents create() {
        try {
            Class<?> type = Class.forName(BUILDER);
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Method build = type.getDeclaredMethod("buildEvent", Object.class, Map.class);
            Method register = type.getDeclaredMethod("registerEventClass", Class.class);
            build.setAccessible(true);
            register.setAccessible(true);
            return new KnownEvents(constructor.newInstance(), build, register);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("Unknown AMI events cannot be counted with this Asterisk-Java: {}", e.toString());
            return new KnownEvents(null, null, null);
        }
    }

    /** The connection registered a UserEvent class: its events are known too. */
    void register(Class<? extends ManagerEvent> eventClass) {
        if (builder != null) {
            try {
                register.invoke(builder, eventClass);
                known.clear();
                knownUserEvents.clear();
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("could not mirror {}: {}", eventClass.getName(), e.toString());
            }
        }
    }

    /**
     * Whether an event {@code Event: <event>} (with {@code UserEvent: <userEvent>} when it is one) becomes an
     * object. The builder is given nothing but the names, so its own log of an unknown one carries no call data.
     */
    boolean isKnown(String event, String userEvent) {
        if (builder == null) {
            return true;
        }
        Map<String, Boolean> cache = userEvent == null ? known : knownUserEvents; // by name as sent: no key to make
        String key = userEvent == null ? event : userEvent;
        Boolean cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("event", event);
        if (userEvent != null) {
            attributes.put("userevent", userEvent);
        }
        boolean result;
        try {
            result = build.invoke(builder, this, attributes) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            result = true;
        }
        if (cache.size() < MAX_CACHED_NAMES) {
            cache.put(key, result);
        }
        return result;
    }
}

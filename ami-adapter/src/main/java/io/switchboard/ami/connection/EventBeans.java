package io.switchboard.ami.connection;

import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.internal.ReaderReplacingConnection;
import org.asteriskjava.manager.util.EventAttributesHelper;
import org.asteriskjava.util.DateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes Asterisk-Java's event objects from a message's headers the way its {@code EventBuilderImpl} and
 * {@code EventAttributesHelper} do, without their cost per event: which class an event name becomes is asked of
 * the library once per name, and each class's setters are found once per header name ({@link EventSetters})
 * instead of running a regular expression over every header of every event. What the lean path does not cover
 * is left to the library: an {@code Event} header given several times (the legacy PeerEntry lists).
 */
final class EventBeans {

    private static final Logger LOG = LoggerFactory.getLogger(EventBeans.class);
    private static final Set<String> IGNORED = Set.of("event");
    private static final int MAX_CACHED_NAMES = 1_000;

    private final Object source;
    private final ReaderReplacingConnection.LibraryEvents library = new ReaderReplacingConnection.LibraryEvents();
    private final Map<String, Optional<Constructor<? extends ManagerEvent>>> byEvent = new ConcurrentHashMap<>();
    private final Map<String, Optional<Constructor<? extends ManagerEvent>>> byUserEvent = new ConcurrentHashMap<>();
    private final Map<Class<?>, EventSetters> setters = new ConcurrentHashMap<>();

    /** @param source the source every event carries (the connection) */
    EventBeans(Object source) {
        this.source = source;
    }

    /** The connection registered a (user) event class. */
    void register(Class<? extends ManagerEvent> eventClass) {
        library.register(eventClass);
        forgetNames();
    }

    /** The connection forgot an event class. */
    void deregister(Class<? extends ManagerEvent> eventClass) {
        library.deregister(eventClass);
        forgetNames();
    }

    /** The event for a message with an {@code event} header, or null if Asterisk-Java has no class for it. */
    ManagerEvent build(MessageHeaders headers) {
        Object name = headers.get("event");
        if (!(name instanceof String eventName)) {
            return libraryBuild(headers);
        }
        Constructor<? extends ManagerEvent> constructor = constructorFor(eventName, headers);
        if (constructor == null) {
            return null;
        }
        ManagerEvent event;
        try {
            event = constructor.newInstance(source);
        } catch (ReflectiveOperationException e) {
            LOG.error("cannot make a {}: {}", constructor.getDeclaringClass().getName(), e.toString());
            return null;
        }
        EventSetters table = setters.computeIfAbsent(event.getClass(), EventSetters::new);
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.name(i);
            if (!IGNORED.contains(header)) {
                table.set(event, header, headers.value(i));
            }
        }
        if (event instanceof ResponseEvent response && response.getActionId() != null) {
            String actionId = response.getActionId();
            response.setActionId(ReaderReplacingConnection.stripInternalActionId(actionId));
            response.setInternalActionId(ReaderReplacingConnection.internalActionId(actionId));
        }
        event.setDateReceived(DateUtil.getDate());
        return event;
    }

    private Constructor<? extends ManagerEvent> constructorFor(String eventName, MessageHeaders headers) {
        if ("userevent".equalsIgnoreCase(eventName)) {
            Object userEvent = headers.get("userevent");
            if (!(userEvent instanceof String userEventName)) {
                return null; // the library logs and drops these too
            }
            return cached(byUserEvent, userEventName, eventName, userEventName);
        }
        return cached(byEvent, eventName, eventName, null);
    }

    /** The class for these names, remembered unless {@value #MAX_CACHED_NAMES} names are (a peer making names up). */
    private Constructor<? extends ManagerEvent> cached(Map<String, Optional<Constructor<? extends ManagerEvent>>> cache,
            String key, String eventName, String userEventName) {
        Optional<Constructor<? extends ManagerEvent>> known = cache.get(key);
        if (known == null) {
            known = resolve(eventName, userEventName);
            if (cache.size() < MAX_CACHED_NAMES) {
                cache.put(key, known);
            }
        }
        return known.orElse(null);
    }

    /** Asks the library which class it makes for these names, giving it nothing else (so its log carries no call data). */
    @SuppressWarnings("unchecked")
    private Optional<Constructor<? extends ManagerEvent>> resolve(String eventName, String userEventName) {
        Map<String, Object> names = new java.util.HashMap<>();
        names.put("event", eventName);
        if (userEventName != null) {
            names.put("userevent", userEventName);
        }
        ManagerEvent probe = library.build(source, names);
        if (probe == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((Constructor<? extends ManagerEvent>) probe.getClass().getConstructor(Object.class));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private ManagerEvent libraryBuild(MessageHeaders headers) {
        ManagerEvent event = library.build(source, headers.toMap());
        if (event != null) {
            event.setDateReceived(DateUtil.getDate());
        }
        return event;
    }

    private void forgetNames() {
        byEvent.clear();
        byUserEvent.clear();
    }

    /** Whether a class keeps headers it has no setter for (a CDR's custom fields), which the library handles. */
    static boolean keepsUnknownHeaders(Class<?> eventClass) {
        return CdrEvent.class.isAssignableFrom(eventClass);
    }

    /** The library's own way of setting one header, for the cases {@link EventSetters} leaves to it. */
    static void setByLibrary(Object event, String header, Object value) {
        EventAttributesHelper.setAttributes(event, Map.of(header, value), IGNORED);
    }

    /** Header names are already lower-case ASCII here; the library strips what is not a letter or digit. */
    static String setterName(String header) {
        StringBuilder kept = null;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!legal && kept == null) {
                kept = new StringBuilder(header.length()).append(header, 0, i);
            } else if (legal && kept != null) {
                kept.append(c);
            }
        }
        String name = kept == null ? header : kept.toString();
        return switch (name) {
            case "source" -> "src";
            case "class" -> "clazz";
            default -> name;
        };
    }
}

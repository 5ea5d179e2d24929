package io.switchboard.ami.control;

import io.switchboard.sim.ami.AmiAction;
import io.switchboard.sim.ami.AmiActionReader;
import io.switchboard.sim.wire.Decoded;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.SendActionCallback;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link ActionSender} that writes nothing: it renders each action with Asterisk-Java's own action
 * builder (the text that would go on the wire), keeps it, and answers {@code Response: Success} at once,
 * or {@code Response: Error} with a recorded message for the actions told to fail, or nothing at all
 * for the actions told to stay silent.
 */
final class RecordingSender implements ActionSender {

    private static final Object BUILDER = builder();
    private static final Method BUILD = build();

    private final List<AmiAction> sent = new CopyOnWriteArrayList<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final List<String> silent = new CopyOnWriteArrayList<>();

    /** Answers {@code Response: Error} with {@code message} to every action named {@code action}. */
    RecordingSender refusing(String action, String message) {
        errors.put(action.toLowerCase(), message);
        return this;
    }

    /** Never answers actions named {@code action}. */
    RecordingSender silentOn(String action) {
        silent.add(action.toLowerCase());
        return this;
    }

    @Override
    public void send(ManagerAction action, SendActionCallback callback) {
        String wire = render(action, "rec-" + sent.size());
        List<Decoded<AmiAction>> decoded = new AmiActionReader().feed(wire.getBytes(StandardCharsets.UTF_8));
        if (decoded.size() != 1 || !(decoded.get(0) instanceof Decoded.Ok<AmiAction> ok)) {
            throw new AssertionError("not one well-formed action on the wire: " + wire);
        }
        sent.add(ok.value());
        String name = action.getAction().toLowerCase();
        if (silent.contains(name)) {
            return;
        }
        ManagerResponse response = errors.containsKey(name) ? new ManagerError() : new ManagerResponse();
        response.setResponse(errors.containsKey(name) ? "Error" : "Success");
        response.setMessage(errors.get(name));
        callback.onResponse(response);
    }

    /**
     * The text Asterisk-Java's {@code ManagerWriterImpl} would write to Asterisk 20 (the writer sets the
     * version it learnt from {@code CoreSettings}; without it, Originate variables are joined with the
     * Asterisk 1.4 separator {@code |}). Its {@code ActionBuilderImpl} is package-private, hence the
     * reflection (the classpath has no module boundary to cross).
     */
    static String render(ManagerAction action, String internalActionId) {
        try {
            return (String) BUILD.invoke(BUILDER, action, internalActionId);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Asterisk-Java's action builder failed on " + action, e);
        }
    }

    private static Object builder() {
        try {
            Class<?> type = Class.forName("org.asteriskjava.manager.internal.ActionBuilderImpl");
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            Method version = type.getDeclaredMethod("setTargetVersion", AsteriskVersion.class);
            version.setAccessible(true);
            version.invoke(instance, AsteriskVersion.ASTERISK_20);
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Method build() {
        try {
            Method build = BUILDER.getClass().getDeclaredMethod("buildAction", ManagerAction.class, String.class);
            build.setAccessible(true);
            return build;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Every action, as written on the wire, in order. */
    List<AmiAction> sent() {
        return List.copyOf(sent);
    }

    /** The names of the actions sent, in order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        sent.forEach(a -> names.add(a.name()));
        return names;
    }
}

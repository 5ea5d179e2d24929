package io.switchboard.sim.asterisk;

import java.util.Optional;

/**
 * The modelled dialplan: which priorities a context and extension run. Not an interpreter of
 * {@code extensions.conf}: each implementation is a small Java model of one set of contexts.
 */
public abstract class Dialplan {

    Dialplan() {
    }

    /** Switchboard's shipped glue ({@code extensions_switchboard.conf}) under these context names. */
    public static Dialplan switchboard(GlueContexts contexts) {
        return new SwitchboardDialplan(contexts);
    }

    /** The capture dialplan of the fixtures ({@code hold}, {@code caller}, {@code to-agent}, {@code agents}). */
    public static Dialplan fixtures() {
        return new FixtureDialplan(true);
    }

    /**
     * The capture dialplan as it was for fixture 10, before {@code [outbound-amd]} gained the MACHINE
     * branch for 10b: NoOp, ExecIf AMD, UserEvent AMD, ConfBridge(agent-1), Hangup.
     */
    public static Dialplan fixturesBefore10b() {
        return new FixtureDialplan(false);
    }

    /** The extension {@code exten} matches in {@code context}, if any. */
    abstract Optional<Extension> find(String context, String exten);

    /** The static members of app_queue's queues ({@code queues.conf}) this PBX has; none by default. */
    java.util.List<QueueMember.Config> queueMembers() {
        return java.util.List.of();
    }

    /** The extension of a Local dial spec {@code exten@context[/options]}. */
    static String extenOf(String spec) {
        int at = spec.indexOf('@');
        return at < 0 ? spec : spec.substring(0, at);
    }

    /** The context of a Local dial spec ({@code default} if none), without {@code /options}. */
    static String contextOf(String spec) {
        int at = spec.indexOf('@');
        String context = at < 0 ? "default" : spec.substring(at + 1);
        int slash = context.indexOf('/');
        return slash < 0 ? context : context.substring(0, slash);
    }
}

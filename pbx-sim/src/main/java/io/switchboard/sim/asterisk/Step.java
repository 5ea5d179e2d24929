package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiHeader;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One dialplan priority of the modelled contexts: the application it runs and the text Asterisk
 * prints as {@code AppData} in {@code Newexten}.
 */
sealed interface Step {

    /** The application name as in {@code Newexten}'s {@code Application}. */
    String application();

    /** The expanded application data as in {@code Newexten}'s {@code AppData}. */
    String appData(SimChannel channel);

    /** {@code NoOp(text)}. */
    record NoOp(Function<SimChannel, String> text) implements Step {
        public String application() { return "NoOp"; }
        public String appData(SimChannel c) { return text.apply(c); }
    }

    /** {@code Answer()}: state Up. */
    record Answer() implements Step {
        public String application() { return "Answer"; }
        public String appData(SimChannel c) { return ""; }
    }

    /** {@code Set(name=value)}: a VarSet event. */
    record Set(String variable, Function<SimChannel, String> value) implements Step {
        public String application() { return "Set"; }
        public String appData(SimChannel c) { return variable + "=" + value.apply(c); }
    }

    /** {@code UserEvent(name,fields)}: the channel's standard headers, then these fields. */
    record UserEvent(String name, Function<SimChannel, List<AmiHeader>> fields) implements Step {
        public String application() { return "UserEvent"; }
        public String appData(SimChannel c) {
            StringBuilder data = new StringBuilder(name);
            fields.apply(c).forEach(h -> data.append(',').append(h.name()).append(": ").append(h.value()));
            return data.toString();
        }
    }

    /** {@code MusicOnHold(class)}: waits until redirected or hung up. */
    record MusicOnHold(String mohClass) implements Step {
        public String application() { return "MusicOnHold"; }
        public String appData(SimChannel c) { return mohClass; }
    }

    /**
     * {@code WaitExten(seconds,m(class))}: music on hold until redirected, hung up or a key is pressed, which
     * goes on at that key's extension ({@link Keypad}); after {@code seconds} at {@code t}.
     */
    record WaitExten(long seconds, Function<SimChannel, String> mohClass) implements Step {
        public String application() { return "WaitExten"; }
        public String appData(SimChannel c) { return seconds + ",m(" + mohClass.apply(c) + ")"; }
    }

    /** {@code Wait(seconds)}. */
    record Wait(Duration duration) implements Step {
        public String application() { return "Wait"; }
        public String appData(SimChannel c) { return Long.toString(duration.toSeconds()); }
    }

    /**
     * {@code Wait(<seconds>)} with its argument read from the channel (e.g. {@code ${SWITCHBOARD_CONNECT_WAIT}}),
     * fractions allowed as in Asterisk; a Redirect or hang-up ends it.
     */
    record WaitFor(Function<SimChannel, String> seconds) implements Step {
        public String application() { return "Wait"; }
        public String appData(SimChannel c) { return seconds.apply(c); }

        /** The wait's length; an argument Asterisk cannot read as seconds waits 0, as Wait() does. */
        Duration duration(SimChannel c) {
            try {
                double value = Double.parseDouble(seconds.apply(c).trim());
                return value > 0 ? Duration.ofMillis(Math.round(value * 1000)) : Duration.ZERO;
            } catch (NumberFormatException e) {
                return Duration.ZERO;
            }
        }
    }

    /** {@code Ringing()}: the Local {@code ;1} goes to Ringing. */
    record Ringing() implements Step {
        public String application() { return "Ringing"; }
        public String appData(SimChannel c) { return ""; }
    }

    /** {@code Busy(10)}: state Busy, the dialler sees BUSY. */
    record Busy() implements Step {
        public String application() { return "Busy"; }
        public String appData(SimChannel c) { return "10"; }
    }

    /** {@code Dial(target,timeout)}; an empty target ends like Dial without a device. */
    record Dial(Function<SimChannel, String> target, Function<SimChannel, Duration> timeout, String dataTemplate)
            implements Step {
        public String application() { return "Dial"; }
        public String appData(SimChannel c) { return target.apply(c) + "," + timeout.apply(c).toSeconds(); }
    }

    /** {@code GotoIf(cond?label)} within the same extension. */
    record GotoIf(Predicate<SimChannel> condition, String label, String shownCondition) implements Step {
        public String application() { return "GotoIf"; }
        public String appData(SimChannel c) { return (condition.test(c) ? "1" : "0") + "?" + label; }
    }

    /** {@code Goto(context,exten,label)}; a null context means the same context. */
    record Goto(String context, String exten, String label) implements Step {
        public String application() { return "Goto"; }
        public String appData(SimChannel c) {
            return context == null ? exten + "," + label : context + "," + exten + "," + label;
        }
    }

    /** {@code Goto(${context},${exten},1)}: both read from the channel when the step runs. */
    record GotoVariable(Function<SimChannel, String> context, Function<SimChannel, String> exten) implements Step {
        public String application() { return "Goto"; }
        public String appData(SimChannel c) { return context.apply(c) + "," + exten.apply(c) + ",1"; }
    }

    /** An application the model does not simulate: it runs until the channel is hung up. */
    record Block(String app, String data) implements Step {
        public String application() { return app; }
        public String appData(SimChannel c) { return data; }
    }

    /**
     * {@code ConfBridge(conference,bridge profile,user profile[,menu])}: joins the conference
     * (created on first use) until hung up or, for an {@code end_marked} user, until the last
     * marked user left; then the dialplan continues.
     */
    record ConfBridge(Function<SimChannel, String> conference, String profiles, boolean marked, boolean endMarked)
            implements Step {
        public String application() { return "ConfBridge"; }
        public String appData(SimChannel c) { return conference.apply(c) + "," + profiles; }
    }

    /** {@code GotoIf($[${CONFBRIDGE_INFO(marked,conference)} < 1]?label)}: no marked user there. */
    record GotoIfNoMarked(Function<SimChannel, String> conference, String label) implements Step {
        public String application() { return "GotoIf"; }
        public String appData(SimChannel c) { return "?" + label; }
    }

    /** An application that returns at once and sends no event the model needs ({@code ExecIf}, {@code Playback}). */
    record Instant(String app, Function<SimChannel, String> data) implements Step {
        public String application() { return app; }
        public String appData(SimChannel c) { return data.apply(c); }
    }

    /**
     * {@code Read(variable,prompt,1,,1,timeout)}: plays the prompt and reads one key, during it or within
     * {@code timeout} seconds after it ({@link Keypad#read}).
     */
    record Read(String variable, Function<SimChannel, String> prompt, long timeout) implements Step {
        public String application() { return "Read"; }
        public String appData(SimChannel c) { return variable + "," + prompt.apply(c) + ",1,,1," + timeout; }
    }

    /** {@code ExecIf($[${IFMODULE(app_amd.so)}]?AMD())}: waits for the channel's {@link AmdOutcome}, sets AMDSTATUS/AMDCAUSE. */
    record Amd() implements Step {
        public String application() { return "ExecIf"; }
        public String appData(SimChannel c) { return "1?AMD()"; }
    }

    /** {@code Queue(name,options,...)}: waits in an app_queue queue ({@link Queues}). */
    record Queue(String queue, String data) implements Step {
        public String application() { return "Queue"; }
        public String appData(SimChannel c) { return queue + data; }
    }

    /**
     * {@code ChanSpy(prefix,options)}: spies on a channel ({@link ChanSpy}) until hung up; with option {@code E}
     * it returns when the spied channel hangs up. Prefix and options may come from channel variables (the glue's
     * {@code switchboard-spy}).
     */
    record ChanSpy(Function<SimChannel, String> prefix, Function<SimChannel, String> options) implements Step {
        ChanSpy(String prefix, String options) {
            this(c -> prefix, c -> options);
        }

        public String application() { return "ChanSpy"; }
        public String appData(SimChannel c) { return prefix.apply(c) + "," + options.apply(c); }
    }

    /** {@code Hangup()}. */
    record Hangup() implements Step {
        public String application() { return "Hangup"; }
        public String appData(SimChannel c) { return ""; }
    }
}

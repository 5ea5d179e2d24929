package io.switchboard.esl.control;

import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;

import java.util.concurrent.CompletionStage;

import static io.switchboard.esl.control.Glue.*;

/**
 * The two transfers. Blind: the customer's channel goes through the glue's {@code switchboard_transfer}, which
 * fires {@code switchboard::call_transferred} and dials the number in the admin's context. Attended: FreeSWITCH's
 * own {@code att_xfer} (mod_dptools) runs on the transferrer's channel, started with {@code uuid_broadcast}.
 *
 * <p>Why {@code uuid_broadcast <transferrer> att_xfer::<dial string>} (FreeSWITCH 1.10 source, not in the
 * recorded fixtures):
 * <ul>
 *   <li>mod_commands' {@code uuid_broadcast <uuid> <path> [aleg|bleg|holdb|both]} calls
 *       {@code switch_ivr_broadcast}, which reads a path {@code app::arg} as an application to execute; without
 *       the leg argument the flags are {@code SMF_ECHO_ALEG | SMF_HOLD_BLEG}: the application runs on
 *       {@code <uuid>} and the bridged peer hears its {@code hold_music} in a loop until the application returns
 *       ({@code switch_ivr_parse_event}, header {@code hold-bleg}). This is the path a phone's
 *       {@code bind_meta_app ... att_xfer} takes too.</li>
 *   <li>{@code att_xfer} takes the channel's bridge partner as the "bond" (the customer), originates the dial
 *       string with the transferrer as its a-leg and bridges the two (the consultation). When the transferrer
 *       hangs up, it {@code uuid_bridge}s the target to the customer (the transfer is done); when the target hangs
 *       up or refuses, it bridges the transferrer back to the customer.</li>
 *   <li>{@code uuid_transfer} of the transferrer cannot do this: it ends the bridge, and the customer's
 *       {@code transfer_after_bridge} sends the customer back to hold.</li>
 * </ul>
 * A number is dialled as {@code loopback/<e164>/<transfer context>}, the admin's context that also dials blind
 * transfers; a device as its dial string. {@code uuid_broadcast} answers {@code +OK Message Sent} even for a
 * channel that does not exist, so {@code uuid_setvar_multi} on the transferrer comes first: its
 * {@code -ERR No such channel!} is {@code unknown-call}, and the target stays readable on the channel
 * ({@code switchboard_transfer_target}, {@code switchboard_transfer_context}). Caveats: the customer hears music
 * only when its {@code hold_music} (or the transferrer's) is set, as vanilla {@code vars.xml} does; a nailed-up
 * agent's session leg ends with the transfer, as the transferrer hanging up is what completes it; a customer whose
 * consultation failed is hung up, not sent back to hold, when the agent later leaves; no
 * {@code switchboard::call_transferred} is fired, the completion shows as the target's CHANNEL_BRIDGE with the
 * customer.
 */
final class EslTransfers {

    private final EslCommands commands;
    private final String transferContext;

    EslTransfers(EslCommands commands, String transferContext) {
        this.commands = commands;
        this.transferContext = transferContext;
    }

    /**
     * {@code uuid_setvar_multi <customer> switchboard_transfer_target=<e164>;switchboard_transfer_context=<ctx>},
     * {@code uuid_transfer <customer> switchboard_transfer XML switchboard}. A {@link Destination.Device} is
     * refused: the glue dials numbers in the admin's context only.
     */
    CompletionStage<CommandResult> blind(String customer, Destination to) {
        if (!(to instanceof Destination.Number number)) {
            return EslCallControl.failed(EslCallControl.UNSUPPORTED,
                    "blind transfer to a device is not supported over ESL; give a number");
        }
        String target = number.number().e164();
        return commands.apiAll(setTarget(customer, target, transferContext),
                "uuid_transfer " + customer + " " + TRANSFER + CONTEXT);
    }

    /**
     * {@code uuid_setvar_multi <transferrer> ...}, {@code uuid_setvar <customer> transfer_after_bridge} (unset, as
     * {@code switchboard_transfer} does: once handed to the target, the customer must not come back to hold when
     * the target hangs up), then {@code uuid_broadcast <transferrer> att_xfer::<dial string>}.
     */
    CompletionStage<CommandResult> attended(String customer, String transferrer, Destination to) {
        String target;
        String context;
        String dialString;
        if (to instanceof Destination.Number number) {
            target = number.number().e164();
            context = transferContext;
            dialString = "loopback/" + target + "/" + transferContext;
        } else {
            target = ((Destination.Device) to).device();
            context = "";
            dialString = target;
        }
        if (!safe(target)) {
            return EslCallControl.failed(EslCallControl.INVALID_ARGUMENT,
                    "transfer target has spaces, commas, semicolons, quotes or braces: " + EslCallControl.masked(target));
        }
        return commands.apiAll(setTarget(transferrer, target, context),
                "uuid_setvar " + customer + " transfer_after_bridge",
                "uuid_broadcast " + transferrer + " att_xfer::" + dialString);
    }

    private static String setTarget(String uuid, String target, String context) {
        return "uuid_setvar_multi " + uuid + " " + TRANSFER_TARGET + "=" + target + ";" + TRANSFER_CONTEXT + "=" + context;
    }
}

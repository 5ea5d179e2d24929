package io.switchboard.esl.control;

import io.switchboard.core.id.CallId;
import io.switchboard.core.port.CommandResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import static io.switchboard.esl.control.Glue.RECORDING;
import static io.switchboard.esl.control.Glue.safe;

/**
 * Recording of the customer's channel with {@code uuid_record} (fixture 08). The path Switchboard started is kept
 * on the channel ({@code switchboard_recording}), so stop, pause and resume act on the same file after a
 * restart too, and a recording Switchboard did not start is {@code not-recording}.
 */
final class EslRecordings {

    private final EslCommands commands;
    private final String directory;

    /** @param directory where FreeSWITCH writes, without a trailing slash */
    EslRecordings(EslCommands commands, String directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /** {@code uuid_setvar <customer> switchboard_recording <dir>/<name>.wav}, then {@code uuid_record <customer> start <path>}. */
    CompletionStage<CommandResult> start(String customer, String name) {
        if (!safe(name) || name.contains("/")) {
            return EslCallControl.failed(EslCallControl.INVALID_ARGUMENT,
                    "recording name must be one file name without spaces or commas");
        }
        String path = directory + "/" + name + ".wav";
        return commands.apiAll("uuid_setvar " + customer + " " + RECORDING + " " + path,
                "uuid_record " + customer + " start " + path);
    }

    /** {@code uuid_record <customer> stop <path>}, then the path is cleared from the channel. */
    CompletionStage<CommandResult> stop(CallId call, String customer) {
        return onRecording(call, customer, (uuid, path) -> commands.apiAll("uuid_record " + uuid + " stop " + path,
                "uuid_setvar " + uuid + " " + RECORDING));
    }

    /** {@code uuid_record <customer> mask <path>}: silence is written meanwhile, the file stays one piece. */
    CompletionStage<CommandResult> pause(CallId call, String customer) {
        return onRecording(call, customer, (uuid, path) -> commands.api("uuid_record " + uuid + " mask " + path));
    }

    /** {@code uuid_record <customer> unmask <path>}. */
    CompletionStage<CommandResult> resume(CallId call, String customer) {
        return onRecording(call, customer, (uuid, path) -> commands.api("uuid_record " + uuid + " unmask " + path));
    }

    private CompletionStage<CommandResult> onRecording(CallId call, String customer,
            BiFunction<String, String, CompletionStage<CommandResult>> command) {
        return commands.apiBody("uuid_getvar " + customer + " " + RECORDING).thenCompose(path -> {
            if (path.startsWith("-ERR")) {
                return CompletableFuture.completedFuture(EslCommands.resultOf("uuid_getvar", path));
            }
            if (path.isEmpty() || path.equals("_undef_")) {
                return EslCallControl.failed(EslCallControl.NOT_RECORDING,
                        "call " + call + " is not being recorded by Switchboard");
            }
            return command.apply(customer, path);
        });
    }
}

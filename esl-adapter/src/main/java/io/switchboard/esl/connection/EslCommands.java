package io.switchboard.esl.connection;

/** Small rules about the text of ESL commands and replies. */
final class EslCommands {

    private EslCommands() {
    }

    /** The FreeSWITCH version line of an {@code api status} body. */
    static String version(String status) {
        return status.lines().filter(l -> l.startsWith("FreeSWITCH")).findFirst().orElse("FreeSWITCH");
    }

    /** The command, checked to be one non-blank line (a line break would start another command). */
    static String oneLine(String command) {
        if (command == null || command.isBlank() || command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an ESL command is one non-blank line");
        }
        return command;
    }
}

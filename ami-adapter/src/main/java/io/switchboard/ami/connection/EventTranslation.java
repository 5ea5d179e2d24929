package io.switchboard.ami.connection;

import io.switchboard.core.event.PbxEvent;
import org.asteriskjava.manager.event.ManagerEvent;

import java.util.List;

/**
 * Turns one Asterisk-Java event into the core events it means (often none). Runs on Asterisk-Java's
 * reader thread, so it must be quick and must not block; {@code AmiEventTranslator::translate} fits.
 */
@FunctionalInterface
public interface EventTranslation {

    /** The core events {@code event} stands for, in order; empty for events Switchboard ignores. */
    List<PbxEvent> translate(ManagerEvent event);
}

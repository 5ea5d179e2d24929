package io.switchboard.crm.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.core.crm.ContactMatch;

import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A call as a Salesforce {@code Task} (Object Reference, "Task": TaskSubtype {@code Call}, CallType,
 * CallDurationInSeconds, CallObject, CallDisposition, WhoId for a Contact or Lead, WhatId for an Account).
 */
final class SalesforceTask {

    private SalesforceTask() {
    }

    static ObjectNode body(CallLog log) {
        ObjectNode task = SalesforceConnector.object();
        task.put("Subject", subject(log));
        task.put("TaskSubtype", "Call");
        task.put("Status", "Completed");
        task.put("CallType", switch (log.direction()) {
            case INBOUND -> "Inbound";
            case OUTBOUND -> "Outbound";
            case INTERNAL -> "Internal";
        });
        task.put("CallDurationInSeconds", log.talkTime().toSeconds());
        task.put("CallObject", log.idempotencyKey());
        task.put("CallDisposition", log.disposition().orElse(outcome(log.outcome())));
        task.put("ActivityDate", log.started().atZone(ZoneOffset.UTC).toLocalDate().toString());
        StringBuilder description = new StringBuilder(log.notes().orElse(""));
        log.recording().ifPresent(uri -> description.append(description.isEmpty() ? "" : "\n")
                .append("Recording: ").append(uri));
        if (!description.isEmpty()) {
            task.put("Description", description.toString());
        }
        log.contact().filter(c -> "salesforce".equals(c.crm())).ifPresent(contact -> associate(task, contact));
        return task;
    }

    private static void associate(ObjectNode task, ContactMatch contact) {
        if ("Account".equals(contact.objectType())) {
            task.put("WhatId", contact.contactId());
        } else {
            task.put("WhoId", contact.contactId());
        }
    }

    private static String subject(CallLog log) {
        String direction = log.direction().name().charAt(0) + log.direction().name().substring(1).toLowerCase(Locale.ROOT);
        String what = log.outcome() == CallOutcome.ANSWERED ? direction + " call"
                : direction + " call, " + outcome(log.outcome());
        return log.queue().map(queue -> what + " (" + queue + ")").orElse(what);
    }

    private static String outcome(CallOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

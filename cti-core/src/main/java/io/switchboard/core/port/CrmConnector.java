package io.switchboard.core.port;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.crm.CrmLogResult;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One CRM (Salesforce, HubSpot, Zendesk): finds the caller and records the
 * call. A CRM failure never fails routing: callers treat a failed stage like
 * "no match".
 */
public interface CrmConnector {

    /** The contact whose record holds {@code number}, or empty when there is none. */
    CompletionStage<Optional<ContactMatch>> lookup(PhoneNumber number);

    /** Writes the call to the CRM's activity history. */
    CompletionStage<CrmLogResult> logCall(CallLog log);
}

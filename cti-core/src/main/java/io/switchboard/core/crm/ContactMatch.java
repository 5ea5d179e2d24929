package io.switchboard.core.crm;

import io.switchboard.core.Require;

import java.net.URI;
import java.util.Optional;

/**
 * A CRM contact found for a caller, enough for a screen pop.
 *
 * @param contactId   the contact's id in the CRM; never blank
 * @param displayName the contact's name as the CRM shows it; never blank
 * @param link        where the agent opens the record, if the CRM has a web page for it
 */
public record ContactMatch(String contactId, String displayName, Optional<URI> link) {

    public ContactMatch {
        Require.nonBlank(contactId, "contactId");
        Require.nonBlank(displayName, "displayName");
        Require.nonNull(link, "link");
    }
}

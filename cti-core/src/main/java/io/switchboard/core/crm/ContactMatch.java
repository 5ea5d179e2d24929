package io.switchboard.core.crm;

import io.switchboard.core.Require;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A CRM record found for a caller, enough for a screen pop, for the call log's association and for routing to
 * the record's owner.
 *
 * @param crm         which connector found it ({@link io.switchboard.core.port.CrmConnector#name()}), e.g.
 *                    {@code salesforce}
 * @param objectType  the CRM's own type name: {@code Contact}, {@code Lead} or {@code Account} in Salesforce,
 *                    {@code contact} in HubSpot, {@code user} in Zendesk; never blank
 * @param contactId   the record's id in the CRM; never blank
 * @param displayName the record's name as the CRM shows it; never blank
 * @param link        where the agent opens the record, if the CRM has a web page for it
 * @param ownerId     the CRM user who owns the record (Salesforce {@code OwnerId}, HubSpot
 *                    {@code hubspot_owner_id}), if any: routing may prefer the agent mapped to that user
 * @param openTickets the caller's open tickets or cases, newest first, as the CRM names them (empty when the CRM
 *                    has none or was not asked)
 */
public record ContactMatch(
        String crm,
        String objectType,
        String contactId,
        String displayName,
        Optional<URI> link,
        Optional<String> ownerId,
        List<String> openTickets) {

    public ContactMatch {
        Require.nonBlank(crm, "crm");
        Require.nonBlank(objectType, "objectType");
        Require.nonBlank(contactId, "contactId");
        Require.nonBlank(displayName, "displayName");
        Require.nonNull(link, "link");
        Require.nonNull(ownerId, "ownerId");
        openTickets = List.copyOf(Require.nonNull(openTickets, "openTickets"));
    }
}

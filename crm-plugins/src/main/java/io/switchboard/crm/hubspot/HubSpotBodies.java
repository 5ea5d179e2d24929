package io.switchboard.crm.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.crm.http.Lookups;
import io.switchboard.crm.http.PhoneForms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON the HubSpot connector sends: CRM search requests (filterGroups are OR-ed, filters in a group AND-ed;
 * at most five groups) and the call engagement with its association to the contact.
 */
final class HubSpotBodies {

    static final List<String> CONTACT_PROPERTIES = List.of("firstname", "lastname", "email", "phone", "mobilephone",
            "hubspot_owner_id");

    /** HubSpot-defined association type from a call to a contact. */
    static final int CALL_TO_CONTACT = 194;

    private HubSpotBodies() {
    }

    /**
     * Contacts whose phone or mobile phone is the E.164 form, or whose calculated searchable phone or mobile
     * number (HubSpot's normalised copy, without country code) is the national significant number.
     */
    static ObjectNode contactsByPhone(PhoneNumber number) {
        ObjectNode body = object();
        ArrayNode groups = body.putArray("filterGroups");
        equal(groups, "phone", number.e164());
        equal(groups, "mobilephone", number.e164());
        String national = PhoneForms.nationalSignificant(number);
        equal(groups, "hs_searchable_calculated_phone_number", national);
        equal(groups, "hs_searchable_calculated_mobile_number", national);
        ArrayNode properties = body.putArray("properties");
        CONTACT_PROPERTIES.forEach(properties::add);
        body.put("limit", 10);
        return body;
    }

    /** The call engagement already logged under {@code key}. */
    static ObjectNode callsByExternalId(String key) {
        ObjectNode body = object();
        equal(body.putArray("filterGroups"), "hs_call_external_id", key);
        body.putArray("properties").add("hs_call_external_id");
        body.put("limit", 1);
        return body;
    }

    /** {@code POST /crm/v3/objects/calls}: the properties and, with a HubSpot contact, its association. */
    static ObjectNode call(CallLog log, Map<CallOutcome, String> dispositionIds) {
        ObjectNode body = object();
        ObjectNode props = body.putObject("properties");
        props.put("hs_timestamp", log.started().toString());
        props.put("hs_call_title", title(log));
        if (log.direction() != CallDirection.INTERNAL) {
            props.put("hs_call_direction", log.direction().name());
        }
        props.put("hs_call_duration", String.valueOf(log.talkTime().toMillis()));
        boolean inbound = log.direction() == CallDirection.INBOUND;
        Optional<PhoneNumber> from = inbound ? log.customer() : log.ourNumber();
        Optional<PhoneNumber> to = inbound ? log.ourNumber() : log.customer();
        from.ifPresent(n -> props.put("hs_call_from_number", n.e164()));
        to.ifPresent(n -> props.put("hs_call_to_number", n.e164()));
        props.put("hs_call_status", status(log.outcome()));
        body(log).ifPresent(text -> props.put("hs_call_body", text));
        log.recording().ifPresent(uri -> props.put("hs_call_recording_url", uri.toString()));
        Optional.ofNullable(dispositionIds.get(log.outcome())).ifPresent(id -> props.put("hs_call_disposition", id));
        props.put("hs_call_external_id", log.idempotencyKey());
        log.contact().filter(c -> "hubspot".equals(c.crm()) && "contact".equals(c.objectType())).ifPresent(contact -> {
            ObjectNode association = body.putArray("associations").addObject();
            association.putObject("to").put("id", contact.contactId());
            association.putArray("types").addObject()
                    .put("associationCategory", "HUBSPOT_DEFINED").put("associationTypeId", CALL_TO_CONTACT);
        });
        return body;
    }

    /** HubSpot's {@code hs_call_status}: COMPLETED when someone answered (a person or a voicemail box). */
    static String status(CallOutcome outcome) {
        return switch (outcome) {
            case ANSWERED, VOICEMAIL, MACHINE -> "COMPLETED";
            case MISSED, NO_ANSWER -> "NO_ANSWER";
            case BUSY -> "BUSY";
            case FAILED -> "FAILED";
        };
    }

    private static String title(CallLog log) {
        String direction = log.direction().name().charAt(0) + log.direction().name().substring(1).toLowerCase(Locale.ROOT);
        String what = log.outcome() == CallOutcome.ANSWERED ? direction + " call"
                : direction + " call, " + log.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return log.queue().map(queue -> what + " (" + queue + ")").orElse(what);
    }

    private static Optional<String> body(CallLog log) {
        StringBuilder text = new StringBuilder();
        log.disposition().ifPresent(d -> text.append("Disposition: ").append(d));
        log.notes().ifPresent(n -> text.append(text.isEmpty() ? "" : "\n").append(n));
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
    }

    private static void equal(ArrayNode groups, String property, String value) {
        groups.addObject().putArray("filters").addObject()
                .put("propertyName", property).put("operator", "EQ").put("value", value);
    }

    private static ObjectNode object() {
        return Lookups.mapper().createObjectNode();
    }
}

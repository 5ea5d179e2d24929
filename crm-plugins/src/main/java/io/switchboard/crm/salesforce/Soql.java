package io.switchboard.crm.salesforce;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.crm.http.PhoneForms;

import java.util.stream.Collectors;

/**
 * The SOSL and SOQL texts the connector sends, with Salesforce's escaping (SOQL and SOSL reference,
 * "Reserved Characters" and "Example Text Searches").
 */
final class Soql {

    private static final String SOSL_RESERVED = "?&|!{}[]()^~*:\\\"'+-";

    private Soql() {
    }

    /**
     * {@code FIND {\+442079460018 OR 02079460018} IN PHONE FIELDS RETURNING Contact(...), Lead(...),
     * Account(...)}: both forms, because Salesforce keeps numbers as typed; Leads already converted are left
     * out (their Contact is found instead).
     */
    static String findByPhone(PhoneNumber number) {
        String terms = PhoneForms.of(number).stream().map(Soql::escapeSosl).collect(Collectors.joining(" OR "));
        return "FIND {" + terms + "} IN PHONE FIELDS RETURNING "
                + "Contact(Id, Name, OwnerId), "
                + "Lead(Id, Name, OwnerId WHERE IsConverted = false), "
                + "Account(Id, Name, OwnerId) LIMIT 20";
    }

    /** The Task already logged for an idempotency key, held in {@code CallObject}. */
    static String taskByCallObject(String key) {
        return "SELECT Id FROM Task WHERE CallObject = '" + escapeSoql(key) + "' LIMIT 1";
    }

    /** The open Cases of a Contact or an Account, newest first. */
    static String openCases(String objectType, String id) {
        String field = "Account".equals(objectType) ? "AccountId" : "ContactId";
        return "SELECT CaseNumber, Subject FROM Case WHERE " + field + " = '" + escapeSoql(id)
                + "' AND IsClosed = false ORDER BY CreatedDate DESC LIMIT 5";
    }

    /** A SOSL search term with every reserved character escaped by a backslash. */
    static String escapeSosl(String term) {
        StringBuilder out = new StringBuilder(term.length() + 4);
        for (char c : term.toCharArray()) {
            if (SOSL_RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A SOQL string literal's content: quote and backslash escaped. */
    static String escapeSoql(String literal) {
        return literal.replace("\\", "\\\\").replace("'", "\\'");
    }
}

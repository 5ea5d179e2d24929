package io.switchboard.queue.dialer.leads;

import io.switchboard.core.Require;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides what becomes of each good row: a new lead, a lead already on a do-not-call list, or a duplicate that
 * is reported and not imported twice. The first row with a number wins within a file; a number the campaign
 * already has is never imported again (a campaign holds each number once).
 *
 * <p>A number on a DNC list is imported, in state {@code dnc}, as VICIdial's list loader and Genesys contact
 * lists do: the list's counts add up to the file's rows, the operator sees which leads were blocked and why, and
 * a number later taken off the internal list can be put back without importing again.
 */
public final class LeadSorter {

    /** What becomes of one good row. */
    public enum Fate {
        /** Imported in state {@code new}. */
        NEW,
        /** Imported in state {@code dnc}: a DNC list (internal, the campaign's or an imported one) holds it. */
        DNC,
        /** Not imported: an earlier row of the same file has the same number. */
        DUPLICATE_IN_FILE,
        /** Not imported: the campaign already has a lead with the number. */
        DUPLICATE_IN_CAMPAIGN
    }

    private final Predicate<String> inCampaign;
    private final Predicate<String> onDnc;
    private final Set<String> seen = new HashSet<>();

    /**
     * @param inCampaign whether the campaign already has a lead with this E.164 number
     * @param onDnc      whether a DNC list that applies to the campaign holds this E.164 number
     */
    public LeadSorter(Predicate<String> inCampaign, Predicate<String> onDnc) {
        this.inCampaign = Require.nonNull(inCampaign, "inCampaign");
        this.onDnc = Require.nonNull(onDnc, "onDnc");
    }

    /** The fate of {@code lead}; call once per good row, in file order. */
    public Fate sort(ImportedLead lead) {
        String e164 = lead.number().e164();
        if (!seen.add(e164)) {
            return Fate.DUPLICATE_IN_FILE;
        }
        if (inCampaign.test(e164)) {
            return Fate.DUPLICATE_IN_CAMPAIGN;
        }
        return onDnc.test(e164) ? Fate.DNC : Fate.NEW;
    }

    /** The report line for a lead that was not simply imported as new; never holds the full number. */
    public static RowIssue issue(ImportedLead lead, Fate fate) {
        String masked = lead.number().masked();
        return switch (fate) {
            case DNC -> new RowIssue(lead.row(), LeadColumns.PHONE, "dnc", "row " + lead.row() + ": " + masked
                    + " is on a do-not-call list; imported in state dnc");
            case DUPLICATE_IN_FILE -> new RowIssue(lead.row(), LeadColumns.PHONE, "duplicate-in-file", "row "
                    + lead.row() + ": " + masked + " is on an earlier row; not imported twice");
            case DUPLICATE_IN_CAMPAIGN -> new RowIssue(lead.row(), LeadColumns.PHONE, "duplicate-in-campaign", "row "
                    + lead.row() + ": the campaign already has " + masked + "; not imported twice");
            case NEW -> throw new IllegalArgumentException("a new lead is not an issue");
        };
    }
}

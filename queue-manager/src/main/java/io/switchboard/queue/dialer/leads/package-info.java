/**
 * Reading lead lists and do-not-call lists from CSV (issue 6, "Campaigns and lists"): a strict UTF-8, RFC 4180
 * reader, the lead columns, number normalisation to E.164 and the callee's time zone (the lead's own, its state
 * or province, or its number), and the sorting of parsed leads into new, duplicate and do-not-call. Pure: the
 * server reads the database and writes the rows. docs/dialer.md, "CSV and DNC import", has the rules.
 */
package io.switchboard.queue.dialer.leads;

package io.switchboard.server.campaign;

import io.switchboard.core.id.CampaignId;
import io.switchboard.queue.dialer.CampaignSettings.CampaignState;

/** What a write to a campaign, its lists or its leads came to. Only broken infrastructure fails the future. */
public sealed interface CampaignWrite {

  /** Stored (or deleted) as asked. */
  record Saved(CampaignId id) implements CampaignWrite {}

  /** Create only: a campaign or list with this id already exists; nothing changed. */
  record AlreadyExists(String field, String id) implements CampaignWrite {}

  /** No campaign (or list of it) has this id; nothing changed. */
  record NotFound(String what, String id) implements CampaignWrite {}

  /** {@code field} names queue {@code queue}, which does not exist; nothing changed. */
  record UnknownQueue(String field, String queue) implements CampaignWrite {}

  /** {@code field} names a list the campaign does not have; nothing changed. */
  record UnknownList(String field, String list) implements CampaignWrite {}

  /** A lead's number is already in the campaign ({@code field} is the lead's path); nothing changed. */
  record DuplicateLead(String field) implements CampaignWrite {}

  /** Start, pause or complete from a state that does not allow it; nothing changed. */
  record IllegalMove(CampaignId id, CampaignState from, CampaignState to) implements CampaignWrite {}

  /** Delete only: the campaign is running; pause it first. Nothing changed. */
  record Running(CampaignId id) implements CampaignWrite {}
}

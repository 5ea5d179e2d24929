package io.switchboard.server.cluster;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.Map;

/**
 * Who owns one PBX connection, as the IMap {@value PbxOwnership#MAP} holds it under the PBX's name, and the three
 * atomic changes made to it. Every change names the epoch it expects, so two members racing to claim a PBX cannot
 * both win, and a member that lost a PBX cannot renew or release the new owner's record.
 *
 * @param member the owning member's UUID; empty once the owner released the PBX (an orderly shutdown)
 * @param epoch raised by one at every claim; the fencing token of a period of ownership
 * @param leaseEndMillis the wall-clock end of the lease as last renewed; 0 once released
 */
public record PbxOwner(String member, long epoch, long leaseEndMillis) implements Serializable {

  public boolean released() {
    return member.isEmpty();
  }

  /** Takes the PBX for {@code member} if the record still has {@code expectedEpoch} (0: no record); returns the record after. */
  record Claim(String member, long expectedEpoch, long nowMillis, long leaseMillis)
      implements EntryProcessor<String, PbxOwner, PbxOwner>, Serializable {

    @Override
    public PbxOwner process(Map.Entry<String, PbxOwner> entry) {
      PbxOwner current = entry.getValue();
      long epoch = current == null ? 0 : current.epoch();
      if (epoch != expectedEpoch) {
        return current;
      }
      PbxOwner claimed = new PbxOwner(member, epoch + 1, nowMillis + leaseMillis);
      entry.setValue(claimed);
      return claimed;
    }
  }

  /** Extends the lease if {@code member} still owns the PBX in {@code epoch}; true if it did. */
  record Renew(String member, long epoch, long nowMillis, long leaseMillis)
      implements EntryProcessor<String, PbxOwner, Boolean>, Serializable {

    @Override
    public Boolean process(Map.Entry<String, PbxOwner> entry) {
      PbxOwner current = entry.getValue();
      if (current == null || !current.member().equals(member) || current.epoch() != epoch) {
        return false;
      }
      entry.setValue(new PbxOwner(member, epoch, nowMillis + leaseMillis));
      return true;
    }
  }

  /** Gives the PBX up at once (the owner has stopped acting on it) if {@code member} still owns it in {@code epoch}. */
  record Release(String member, long epoch) implements EntryProcessor<String, PbxOwner, Boolean>, Serializable {

    @Override
    public Boolean process(Map.Entry<String, PbxOwner> entry) {
      PbxOwner current = entry.getValue();
      if (current == null || !current.member().equals(member) || current.epoch() != epoch) {
        return false;
      }
      entry.setValue(new PbxOwner("", epoch, 0));
      return true;
    }
  }
}

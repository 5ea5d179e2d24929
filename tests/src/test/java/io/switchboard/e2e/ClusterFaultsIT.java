package io.switchboard.e2e;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Issue 8's network partition and rolling restart with three nodes on loopback, real processes over real sockets
 * ({@link ClusterFaults}): the owner of the PBX connection cut off from the others by the member proxies
 * ({@link MemberLinks}) and the network healed; every node restarted in turn under traffic; on both PBXs. Each
 * nested class runs one cluster; each case leaves it whole again.
 */
class ClusterFaultsIT {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Asterisk extends ClusterFaults {
        Asterisk() {
            super(PbxFlavour.ASTERISK);
        }

        @Test
        @Order(1)
        @Timeout(value = 8, unit = TimeUnit.MINUTES)
        void an_owner_cut_off_by_a_partition_fences_itself_drives_the_pbx_no_more_and_rejoins_converged_on_heal()
                throws Exception {
            partitionTheOwnerMidTraffic();
        }

        @Test
        @Order(2)
        @Timeout(value = 12, unit = TimeUnit.MINUTES)
        void restarting_every_node_in_turn_under_traffic_loses_no_caller_and_books_no_agent_twice()
                throws Exception {
            restartEveryNodeInTurnUnderTraffic();
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Freeswitch extends ClusterFaults {
        Freeswitch() {
            super(PbxFlavour.FREESWITCH);
        }

        @Test
        @Order(1)
        @Timeout(value = 8, unit = TimeUnit.MINUTES)
        void an_owner_cut_off_by_a_partition_fences_itself_drives_the_pbx_no_more_and_rejoins_converged_on_heal()
                throws Exception {
            partitionTheOwnerMidTraffic();
        }

        @Test
        @Order(2)
        @Timeout(value = 12, unit = TimeUnit.MINUTES)
        void restarting_every_node_in_turn_under_traffic_loses_no_caller_and_books_no_agent_twice()
                throws Exception {
            restartEveryNodeInTurnUnderTraffic();
        }
    }
}

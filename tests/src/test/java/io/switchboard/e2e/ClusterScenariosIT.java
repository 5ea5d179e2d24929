package io.switchboard.e2e;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 8's failover cases with three nodes on loopback, real processes over real sockets ({@link ClusterScenarios}):
 * the owner of the PBX connection killed mid-traffic on both PBXs; the owner frozen past its lease and thawed (a
 * long GC pause or a suspended VM: the nearest to a partition that needs no root firewall) on Asterisk, whose AMI
 * session the frozen node keeps open. Each nested class runs one cluster; each case leaves it whole again.
 */
class ClusterScenariosIT {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Asterisk extends ClusterScenarios {
        Asterisk() {
            super(PbxFlavour.ASTERISK);
        }

        @Test
        @Order(1)
        void killing_the_owner_mid_traffic_hands_the_pbx_to_another_node_that_loses_no_caller_and_books_no_agent_twice()
                throws Exception {
            killTheOwnerMidTraffic();
        }

        @Test
        @Order(2)
        void a_frozen_owner_is_fenced_drives_the_pbx_no_more_once_another_node_took_it_and_rejoins_converged()
                throws Exception {
            freezeTheOwnerMidTraffic();
        }
    }

    @Nested
    class Freeswitch extends ClusterScenarios {
        Freeswitch() {
            super(PbxFlavour.FREESWITCH);
        }

        @Test
        void killing_the_owner_mid_traffic_hands_the_pbx_to_another_node_that_loses_no_caller_and_books_no_agent_twice()
                throws Exception {
            killTheOwnerMidTraffic();
        }
    }
}

/** Building blocks shared by the AMI and ESL codecs: a byte queue and the decoder result type. */
package io.switchboard.sim.wire;

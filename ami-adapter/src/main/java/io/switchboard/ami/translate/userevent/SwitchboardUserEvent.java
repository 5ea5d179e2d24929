package io.switchboard.ami.translate.userevent;

import org.asteriskjava.manager.event.UserEvent;

import java.io.Serial;
import java.util.List;

/**
 * The fields the glue's UserEvents carry besides the standard channel headers. Asterisk-Java fills these
 * mutable beans by reflection (one setter per header name), which is why they are not records.
 *
 * <p>A header that appears twice (Quirk 7: the recorded glue repeats {@code CallerIDNum}, {@code Uniqueid},
 * {@code Channel} and {@code Linkedid} next to the channel's own headers) reaches the setter as both values
 * joined with line feeds, so readers take the first line.
 */
public abstract class SwitchboardUserEvent extends UserEvent {

    /** Every glue UserEvent class, for {@code ManagerConnection.registerUserEventClass}. */
    public static final List<Class<? extends SwitchboardUserEvent>> CLASSES =
            List.of(InboundCallEvent.class, CallerOnHoldEvent.class, AgentDialResultEvent.class, AmdEvent.class,
                    AgentLoginEvent.class, AgentLogoutEvent.class,
                    AgentSessionStartedEvent.class, AgentSessionEndedEvent.class, SafeHarbourEvent.class,
                    AmdMessageLeftEvent.class, CallTransferredEvent.class, CallbackRequestedEvent.class,
                    BroadcastPlayedEvent.class);

    @Serial
    private static final long serialVersionUID = 1L;

    private String linkedid;
    private String dnid;
    private String queue;
    private String reason;
    private String dialStatus;
    private String agent;
    private String status;
    private String cause;
    private String device;
    private String mode;
    private String target;
    private String targetContext;

    protected SwitchboardUserEvent(Object source) {
        super(source);
    }

    /** The channel's Linkedid header. */
    public String getLinkedid() {
        return linkedid;
    }

    /** Set by Asterisk-Java from {@code Linkedid}. */
    public void setLinkedid(String linkedid) {
        this.linkedid = linkedid;
    }

    /** {@code DNID}: the number the caller dialled (InboundCall, CallerOnHold). */
    public String getDnid() {
        return dnid;
    }

    /** Set by Asterisk-Java from {@code DNID}. */
    public void setDnid(String dnid) {
        this.dnid = dnid;
    }

    /** {@code Queue}: the queue hint (InboundCall, CallerOnHold). */
    public String getQueue() {
        return queue;
    }

    /** Set by Asterisk-Java from {@code Queue}. */
    public void setQueue(String queue) {
        this.queue = queue;
    }

    /**
     * {@code Reason}: NEW, or the DIALSTATUS that sent the caller back to hold (CallerOnHold); NOAGENT or
     * AGENTABSENT (SafeHarbour).
     */
    public String getReason() {
        return reason;
    }

    /** Set by Asterisk-Java from {@code Reason}. */
    public void setReason(String reason) {
        this.reason = reason;
    }

    /** {@code DialStatus} (AgentDialResult). */
    public String getDialStatus() {
        return dialStatus;
    }

    /** Set by Asterisk-Java from {@code DialStatus}. */
    public void setDialStatus(String dialStatus) {
        this.dialStatus = dialStatus;
    }

    /** {@code Agent}: the agent id (AgentDialResult, AgentLogin/Logout,
     * AgentSessionStarted/Ended, SafeHarbour). */
    public String getAgent() {
        return agent;
    }

    /** Set by Asterisk-Java from {@code Agent}. */
    public void setAgent(String agent) {
        this.agent = agent;
    }

    /** {@code Status}: AMDSTATUS (AMD). */
    public String getStatus() {
        return status;
    }

    /** Set by Asterisk-Java from {@code Status}. */
    public void setStatus(String status) {
        this.status = status;
    }

    /** {@code Cause}: AMDCAUSE (AMD). */
    public String getCause() {
        return cause;
    }

    /** Set by Asterisk-Java from {@code Cause}. */
    public void setCause(String cause) {
        this.cause = cause;
    }

    /** {@code Device}: the phone an agent logged in or out from, e.g. {@code PJSIP/1001} (AgentLogin/Logout). */
    public String getDevice() {
        return device;
    }

    /** Set by Asterisk-Java from {@code Device}. */
    public void setDevice(String device) {
        this.device = device;
    }

    /** {@code Mode}: {@code nailed} (*70) or {@code ondemand} (*71) (AgentLogin). */
    public String getMode() {
        return mode;
    }

    /** Set by Asterisk-Java from {@code Mode}. */
    public void setMode(String mode) {
        this.mode = mode;
    }

    /** {@code Target}: the number a call was transferred to (CallTransferred). */
    public String getTarget() {
        return target;
    }

    /** Set by Asterisk-Java from {@code Target}. */
    public void setTarget(String target) {
        this.target = target;
    }

    /** {@code TargetContext}: the admin's context that dials the transfer target (CallTransferred). */
    public String getTargetContext() {
        return targetContext;
    }

    /** Set by Asterisk-Java from {@code TargetContext}. */
    public void setTargetContext(String targetContext) {
        this.targetContext = targetContext;
    }
}

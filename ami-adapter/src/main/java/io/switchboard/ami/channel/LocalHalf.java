package io.switchboard.ami.channel;

/**
 * The halves of an Asterisk Local channel pair ({@code Local/<exten>@<context>-XXXXXXXX;1} and {@code ;2}).
 * The {@code ;1} half runs what the Originate or Dial asked for; the {@code ;2} half runs the dialplan
 * named in the channel (Quirk 14), so hold, queue and redirect happen on {@code ;2}.
 */
public enum LocalHalf {

    /** Not a Local channel (SIP, PJSIP, DAHDI...). */
    NONE,

    /** The {@code ;1} half: the side that was dialled or originated. */
    ONE,

    /** The {@code ;2} half: the side that runs the dialplan in the channel name. */
    TWO;

    /** The half a channel name denotes. */
    public static LocalHalf of(String channelName) {
        if (!channelName.startsWith("Local/")) {
            return NONE;
        }
        if (channelName.endsWith(";1")) {
            return ONE;
        }
        return channelName.endsWith(";2") ? TWO : NONE;
    }

    /** The name of the other half of the pair, or the name itself for {@link #NONE}. */
    public String partnerName(String channelName) {
        return switch (this) {
            case NONE -> channelName;
            case ONE -> channelName.substring(0, channelName.length() - 1) + "2";
            case TWO -> channelName.substring(0, channelName.length() - 1) + "1";
        };
    }
}

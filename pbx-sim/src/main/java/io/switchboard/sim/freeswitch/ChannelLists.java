package io.switchboard.sim.freeswitch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code show channels [as json]} and {@code show calls [as json]} with FreeSWITCH 1.10's columns:
 * CSV with a header line and {@code \n<N> total.\n}, or {@code {"row_count":N,"rows":[...]}}.
 * A call is one row per bridge (A's columns, then B's as {@code b_*}) or per lone channel.
 */
final class ChannelLists {

    private static final List<String> CHANNEL_COLUMNS = List.of("uuid", "direction", "created", "created_epoch",
            "name", "state", "cid_name", "cid_num", "ip_addr", "dest", "application", "application_data", "dialplan",
            "context", "read_codec", "read_rate", "read_bit_rate", "write_codec", "write_rate", "write_bit_rate",
            "secure", "hostname", "presence_id", "presence_data", "accountcode", "callstate", "callee_name",
            "callee_num", "callee_direction", "call_uuid", "sent_callee_name", "sent_callee_num", "initial_cid_name",
            "initial_cid_num", "initial_ip_addr", "initial_dest", "initial_dialplan", "initial_context");
    private static final List<String> CALL_SIDE = List.of("uuid", "direction", "created", "created_epoch", "name",
            "state", "cid_name", "cid_num", "ip_addr", "dest", "presence_id", "presence_data", "accountcode",
            "callstate", "callee_name", "callee_num", "callee_direction");
    private static final List<String> CALL_B_SIDE = List.of("sent_callee_name", "sent_callee_num");

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final FsEngine engine;

    ChannelLists(FsEngine engine) {
        this.engine = engine;
    }

    String show(String args) {
        boolean json = args.endsWith("as json");
        String what = args.split(" ")[0];
        List<Map<String, String>> rows = new ArrayList<>();
        if (what.equals("channels")) {
            engine.channels.all().stream().filter(ch -> !ch.gone).forEach(ch -> rows.add(channelRow(ch)));
            return json ? json(rows) : csv(CHANNEL_COLUMNS, rows);
        }
        if (what.equals("calls")) {
            List<String> columns = new ArrayList<>(CALL_SIDE);
            columns.addAll(List.of("call_uuid", "hostname", "sent_callee_name", "sent_callee_num"));
            CALL_SIDE.forEach(c -> columns.add("b_" + c));
            CALL_B_SIDE.forEach(c -> columns.add("b_" + c));
            columns.add("call_created_epoch");
            for (FsChannel ch : engine.channels.all()) {
                if (!ch.gone && !(ch.peer != null && !ch.bridgeOwner && ch.peer.bridgeOwner)) {
                    rows.add(callRow(ch, columns));
                }
            }
            return json ? json(rows) : csv(columns, rows);
        }
        return "-ERR Usage\n";
    }

    private Map<String, String> callRow(FsChannel a, List<String> columns) {
        Map<String, String> own = channelRow(a);
        Map<String, String> row = new LinkedHashMap<>();
        FsChannel b = a.bridgeOwner ? a.peer : null;
        Map<String, String> other = b == null ? Map.of() : channelRow(b);
        for (String c : columns) {
            if (c.equals("call_created_epoch")) {
                row.put(c, b == null ? "" : own.get("created_epoch"));
            } else if (c.startsWith("b_")) {
                row.put(c, other.getOrDefault(c.substring(2), ""));
            } else {
                row.put(c, own.getOrDefault(c, ""));
            }
        }
        return row;
    }

    private Map<String, String> channelRow(FsChannel ch) {
        Map<String, String> row = new LinkedHashMap<>();
        String created = CREATED.format(Instant.EPOCH.plusNanos(ch.createdMicros * 1000));
        String codec = ch.source.equals("mod_sofia") ? "PCMU" : "L16";
        String bitRate = ch.source.equals("mod_sofia") ? "64000" : "128000";
        for (String c : CHANNEL_COLUMNS) {
            row.put(c, "");
        }
        row.put("uuid", ch.uuid);
        row.put("direction", ch.direction());
        row.put("created", created);
        row.put("created_epoch", Long.toString(ch.createdMicros / 1_000_000));
        row.put("name", ch.name);
        row.put("state", ch.state);
        row.put("cid_name", ch.callerIdName);
        row.put("cid_num", ch.callerIdNumber);
        row.put("ip_addr", ch.networkAddr);
        row.put("dest", ch.destination);
        row.put("application", ch.application);
        row.put("application_data", ch.applicationData);
        row.put("dialplan", ch.dialplan);
        row.put("context", ch.context);
        if (ch.hasCodec) {
            row.putAll(Map.of("read_codec", codec, "read_rate", "8000", "read_bit_rate", bitRate,
                    "write_codec", codec, "write_rate", "8000", "write_bit_rate", bitRate));
        }
        row.put("hostname", "vm");
        row.put("presence_id", ch.presenceId == null ? "" : ch.presenceId);
        row.put("callstate", ch.callState);
        row.put("callee_name", ch.calleeIdName);
        row.put("callee_num", ch.calleeIdNumber);
        row.put("callee_direction", ch.inbound ? "" : "RECV");
        row.put("call_uuid", ch.callUuid);
        row.put("initial_cid_name", ch.origCallerIdName);
        row.put("initial_cid_num", ch.origCallerIdNumber);
        row.put("initial_ip_addr", ch.networkAddr);
        row.put("initial_dest", ch.destination);
        row.put("initial_dialplan", ch.dialplan);
        row.put("initial_context", ch.context);
        return row;
    }

    private static String csv(List<String> columns, List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder();
        if (!rows.isEmpty()) {
            out.append(String.join(",", columns)).append('\n');
            for (Map<String, String> row : rows) {
                out.append(String.join(",", columns.stream().map(c -> row.getOrDefault(c, "")).toList())).append('\n');
            }
        }
        return out.append('\n').append(rows.size()).append(" total.\n").toString();
    }

    private static String json(List<Map<String, String>> rows) {
        if (rows.isEmpty()) {
            return "{\"row_count\":0}";
        }
        StringBuilder out = new StringBuilder("{\"row_count\":").append(rows.size()).append(",\"rows\":[");
        for (Map<String, String> row : rows) {
            out.append('{');
            row.forEach((k, v) -> out.append('"').append(k).append("\":\"").append(v.replace("\"", "\\\"")).append("\","));
            out.setCharAt(out.length() - 1, '}');
            out.append(',');
        }
        out.setCharAt(out.length() - 1, ']');
        return out.append('}').toString();
    }
}

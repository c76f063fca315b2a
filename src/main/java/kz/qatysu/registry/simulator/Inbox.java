package kz.qatysu.registry.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.json.CanonicalJson;
import kz.qatysu.registry.domain.AllocationNotice;
import kz.qatysu.registry.domain.AllocationNoticeJson;

/** What one simulated registry holds: stored messages by key, delivery counts, versions per round, its fail mode. */
final class Inbox {

    /** What the fail mode makes of a delivery before it is looked at. */
    enum Trouble { NONE, DOWN, ERROR, TIMEOUT, REJECT }

    private record Stored(String key, String transport, String senderId, AllocationNotice notice, String digest,
                          Instant receivedAt, boolean outOfOrder) {
    }

    private final Map<String, Stored> messages = new LinkedHashMap<>();
    private final Map<String, Integer> deliveries = new LinkedHashMap<>();
    private final Map<Long, Integer> highestVersion = new HashMap<>();
    private final List<OutOfOrder> outOfOrder = new ArrayList<>();
    private FailMode failMode = FailMode.ok();
    private Instant downUntil = Instant.MIN;

    synchronized void failMode(FailMode mode, Instant now) {
        failMode = mode;
        downUntil = now.plus(mode.downFor());
    }

    synchronized FailMode failMode() {
        return failMode;
    }

    /** Counts a delivery with this key and says what the fail mode does to it. */
    synchronized Trouble arrive(String key, String body, Instant now) {
        deliveries.merge(key, 1, Integer::sum);
        if (now.isBefore(downUntil)) {
            return Trouble.DOWN;
        }
        return switch (failMode.mode()) {
            case ERROR500 -> Trouble.ERROR;
            case TIMEOUT -> Trouble.TIMEOUT;
            case OK, SLOW -> failMode.rejects(key, body) ? Trouble.REJECT : Trouble.NONE;
        };
    }

    /** Stores a message unless its key is known; whether it was new. */
    synchronized boolean store(String key, String transport, String senderId, AllocationNotice notice, Instant now) {
        if (messages.containsKey(key)) {
            return false;
        }
        Integer highest = highestVersion.get(notice.roundId());
        boolean late = highest != null && notice.version() < highest;
        if (late) {
            outOfOrder.add(new OutOfOrder(notice.roundId(), notice.version(), highest, key));
        } else {
            highestVersion.put(notice.roundId(), notice.version());
        }
        messages.put(key, new Stored(key, transport, senderId, notice,
                CanonicalJson.sha256Hex(AllocationNoticeJson.toJson(notice)), now, late));
        return true;
    }

    synchronized List<ReceivedMessage> received() {
        List<ReceivedMessage> list = new ArrayList<>(messages.size());
        for (Stored s : messages.values()) {
            list.add(new ReceivedMessage(s.key(), s.transport(), s.senderId(), s.notice().roundId(),
                    s.notice().version(), s.digest(), deliveries.getOrDefault(s.key(), 0), s.receivedAt(),
                    s.outOfOrder(), s.notice()));
        }
        return list;
    }

    synchronized List<OutOfOrder> outOfOrder() {
        return List.copyOf(outOfOrder);
    }

    /** Deliveries per key, stored or not, in order of first arrival. */
    synchronized Map<String, Integer> deliveries() {
        return new LinkedHashMap<>(deliveries);
    }
}

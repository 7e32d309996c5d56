package io.meridian.server.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The identities of an access file, by id, in the file's order. Immutable; built by {@link AccessFile}. */
public final class AccessList implements Identities {
    private final Map<String, Identity> byId;

    AccessList(List<Identity> identities) {
        var map = new LinkedHashMap<String, Identity>();
        for (var identity : identities) {
            if (map.putIfAbsent(identity.id(), identity) != null) {
                throw new IllegalArgumentException("identity '" + identity.id() + "' is listed twice");
            }
        }
        this.byId = map;
    }

    @Override
    public Optional<Identity> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Identity> identities() {
        return List.copyOf(byId.values());
    }

    @Override
    public String toString() {
        return "AccessList" + byId.keySet();
    }
}

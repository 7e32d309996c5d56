package io.meridian.model.topology;

import java.util.List;
import java.util.Objects;

/** A deployment region: where it is, who hosts it, which laws govern its data, its recovery tier and its role. */
public record Region(
        String id,
        String displayName,
        String provider,
        GeoLocation location,
        List<String> jurisdictions,
        RecoveryTier tier,
        RegionRole role) {
    public Region {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(location, "location");
        jurisdictions = List.copyOf(jurisdictions);
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(role, "role");
    }
}

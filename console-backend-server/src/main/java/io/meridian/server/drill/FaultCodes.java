package io.meridian.server.drill;

import io.meridian.server.platform.DrillFault;
import java.util.Optional;

/** Declared faults in a one-line machine form kept in the drill's record: "region-outage us-east-1" and so on. */
final class FaultCodes {
    private FaultCodes() {
    }

    static String encode(DrillFault fault) {
        return switch (fault) {
            case DrillFault.RegionOutage o -> "region-outage " + o.regionId();
            case DrillFault.Partition p -> "network-partition " + p.regionA() + " " + p.regionB();
            case DrillFault.LagSpike s -> "lag-spike " + s.regionId() + " " + s.extraSeconds();
            case DrillFault.ClockSkew c -> "clock-skew " + c.regionId() + " " + c.offsetMicros();
        };
    }

    /** The fault, or empty for a code this version does not know (a record written by another version). */
    static Optional<DrillFault> decode(String code) {
        var parts = code.split(" ");
        try {
            return Optional.ofNullable(switch (parts[0]) {
                case "region-outage" -> new DrillFault.RegionOutage(parts[1]);
                case "network-partition" -> new DrillFault.Partition(parts[1], parts[2]);
                case "lag-spike" -> new DrillFault.LagSpike(parts[1], Double.parseDouble(parts[2]));
                case "clock-skew" -> new DrillFault.ClockSkew(parts[1], Double.parseDouble(parts[2]));
                default -> null;
            });
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.meridian.model.topology;

/** Recovery tiers, hottest (fastest and costliest recovery) first. */
public enum RecoveryTier {
    HOT, WARM, COLD
}

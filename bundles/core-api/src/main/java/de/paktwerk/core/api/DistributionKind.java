package de.paktwerk.core.api;

/** Whether a distribution is provisional (vorläufig) or final (endgültig). */
public enum DistributionKind {
    PROVISIONAL,
    FINAL
}

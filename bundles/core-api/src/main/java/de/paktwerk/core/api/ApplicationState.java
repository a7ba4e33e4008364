package de.paktwerk.core.api;

import java.util.EnumSet;
import java.util.Set;

/** State of an application (Antrag). */
public enum ApplicationState {
    DRAFT, SUBMITTED, APPROVED, PARTIALLY_APPROVED, REJECTED, WITHDRAWN;

    /** States reachable from this one. */
    public Set<ApplicationState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(APPROVED, PARTIALLY_APPROVED, REJECTED, WITHDRAWN);
            default -> EnumSet.noneOf(ApplicationState.class);
        };
    }

    /** German name for messages. */
    public String german() {
        return switch (this) {
            case DRAFT -> "Entwurf";
            case SUBMITTED -> "eingereicht";
            case APPROVED -> "bewilligt";
            case PARTIALLY_APPROVED -> "teilweise bewilligt";
            case REJECTED -> "abgelehnt";
            case WITHDRAWN -> "zurückgezogen";
        };
    }

    /**
     * Refuses an illegal transition with a German message.
     *
     * @throws ConflictException if {@code target} is not reachable from this state
     */
    public void checkTransition(ApplicationState target) {
        if (!next().contains(target)) {
            throw new ConflictException("Ein Antrag im Zustand '" + german() + "' kann nicht in den Zustand '"
                    + target.german() + "' übergehen.", ProblemType.ILLEGAL_TRANSITION);
        }
    }
}

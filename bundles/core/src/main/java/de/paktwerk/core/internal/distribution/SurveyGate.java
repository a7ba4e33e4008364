package de.paktwerk.core.internal.distribution;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.DistributionKind;
import de.paktwerk.core.api.SurveyService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A final run (distribution or flat allocation) does not run on the figures of a survey that is still open. */
final class SurveyGate {

    private SurveyGate() {
    }

    /** The survey the run's figures come from, if any; refused for a final run while that survey is open. */
    static Optional<SurveyService.Survey> check(SurveyService surveys, DistributionKind kind, String type, LocalDate referenceDate) {
        Optional<SurveyService.Survey> survey = surveys.of(type, referenceDate);
        if (kind == DistributionKind.FINAL && survey.isPresent() && survey.get().state() != SurveyService.State.CLOSED) {
            throw new ConflictException("Die Erhebung Nr. " + survey.get().id() + " zum " + referenceDate.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                    + " ist noch offen; ein endgültiger Lauf braucht ihre abgeschlossenen Zahlen. Vorläufige Läufe sind möglich.");
        }
        return survey;
    }
}

package de.paktwerk.core.internal.application;

import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.FundingPeriod;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The term of an application that names none: the one term of its area's kind that starts in its funding period. */
final class Terms {

    private Terms() {
    }

    /** The terms of a kind that start in the period, in order; empty for kinds without fixed dates. */
    static List<Term> startingIn(Term.Kind kind, FundingPeriod period) {
        List<Term> terms = new ArrayList<>();
        if (kind == null || kind == Term.Kind.CALL_TERM) {
            return terms;
        }
        for (int year = period.start().getYear(); year <= period.end().getYear(); year++) {
            Term t = switch (kind) {
                case SCHOOL_YEAR -> Term.schoolYear(year);
                case COURSE_PERIOD -> Term.coursePeriod(year);
                case CALENDAR_YEAR -> Term.calendarYear(year);
                case CALL_TERM -> throw new IllegalStateException();
            };
            if (period.contains(t.start())) {
                terms.add(t);
            }
        }
        return terms;
    }

    /**
     * @return the derived term, or null if the area's applications are for their period (or for a call's dates)
     * @throws InvalidInputException naming {@code term} if none or several terms of the kind start in the period
     */
    static Term derive(AreaDescriptor area, FundingPeriod period) {
        if (area.termKind() == null || area.termKind() == Term.Kind.CALL_TERM) {
            return null;
        }
        List<Term> terms = startingIn(area.termKind(), period);
        if (terms.size() == 1) {
            return terms.get(0);
        }
        throw new InvalidInputException(terms.isEmpty()
                ? "Im Förderzeitraum " + period.id() + " beginnt " + (area.termKind() == Term.Kind.COURSE_PERIOD ? "keine " : "kein ") + noun(area.termKind()) + "."
                : "Im Förderzeitraum " + period.id() + " beginnen " + terms.stream().map(Term::label).collect(Collectors.joining(" und "))
                        + "; bitte den Zeitraum wählen (term).", "term");
    }

    private static String noun(Term.Kind kind) {
        return switch (kind) {
            case SCHOOL_YEAR -> "Schuljahr";
            case COURSE_PERIOD -> "Kursperiode";
            case CALENDAR_YEAR -> "Kalenderjahr";
            case CALL_TERM -> "Projektzeitraum";
        };
    }
}

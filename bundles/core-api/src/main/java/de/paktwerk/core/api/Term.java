package de.paktwerk.core.api;

import java.time.LocalDate;

/**
 * The time a grant is for, in the way of its programme: a school year or a course period (01.08.–31.07.), a calendar
 * year, or the duration of a project in a call. A term is budgeted in the funding period in which it starts.
 *
 * @param kind what kind of term
 * @param start first day
 * @param end last day, inclusive
 * @since 2.0
 */
public record Term(Kind kind, LocalDate start, LocalDate end) {

    /** Kinds of terms. */
    public enum Kind {
        /** Schuljahr, 01.08. to 31.07. */
        SCHOOL_YEAR,
        /** Kursperiode, 01.08. to 31.07. (VwV Deutsch) */
        COURSE_PERIOD,
        /** Kalenderjahr */
        CALENDAR_YEAR,
        /** Projektlaufzeit in einem Aufruf: any dates */
        CALL_TERM
    }

    public Term {
        if (kind == null || start == null || end == null) {
            throw new InvalidInputException("Ein Zeitraum (term) braucht kind, start und end.");
        }
        if (end.isBefore(start)) {
            throw new InvalidInputException("Der Zeitraum endet (" + end + ") vor seinem Beginn (" + start + ").");
        }
        boolean fixed = switch (kind) {
            case SCHOOL_YEAR, COURSE_PERIOD -> start.getMonthValue() == 8 && start.getDayOfMonth() == 1
                    && end.equals(start.plusYears(1).minusDays(1));
            case CALENDAR_YEAR -> start.getDayOfYear() == 1 && end.equals(start.plusYears(1).minusDays(1));
            case CALL_TERM -> !end.isAfter(start.plusYears(10));
        };
        if (!fixed) {
            throw new InvalidInputException(switch (kind) {
                case SCHOOL_YEAR -> "Ein Schuljahr läuft vom 01.08. bis zum 31.07. des Folgejahres.";
                case COURSE_PERIOD -> "Eine Kursperiode läuft vom 01.08. bis zum 31.07. des Folgejahres.";
                case CALENDAR_YEAR -> "Ein Kalenderjahr läuft vom 01.01. bis zum 31.12.";
                case CALL_TERM -> "Eine Projektlaufzeit dauert höchstens zehn Jahre.";
            });
        }
    }

    /** The school year starting on 1 August of {@code firstYear}, e.g. 2022 for "2022/23". */
    public static Term schoolYear(int firstYear) {
        return new Term(Kind.SCHOOL_YEAR, LocalDate.of(firstYear, 8, 1), LocalDate.of(firstYear + 1, 7, 31));
    }

    /** The course period starting on 1 August of {@code firstYear}. */
    public static Term coursePeriod(int firstYear) {
        return new Term(Kind.COURSE_PERIOD, LocalDate.of(firstYear, 8, 1), LocalDate.of(firstYear + 1, 7, 31));
    }

    /** A calendar year. */
    public static Term calendarYear(int year) {
        return new Term(Kind.CALENDAR_YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** German label, e.g. "Schuljahr 2022/23". */
    public String label() {
        String years = start.getYear() + "/" + String.format("%02d", end.getYear() % 100);
        return switch (kind) {
            case SCHOOL_YEAR -> "Schuljahr " + years;
            case COURSE_PERIOD -> "Kursperiode " + years;
            case CALENDAR_YEAR -> "Kalenderjahr " + start.getYear();
            case CALL_TERM -> "Projektlaufzeit " + start + " bis " + end;
        };
    }
}

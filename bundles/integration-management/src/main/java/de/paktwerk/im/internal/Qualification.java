package de.paktwerk.im.internal;

/** Qualification class of an integration manager; the annual funding rate depends on it. */
public enum Qualification {
    /** Hochschulabschluss im Bereich Sozialwesen. */
    SOCIAL_WORK("Hochschulabschluss Sozialwesen"),
    /** Anderer geeigneter Studiengang. */
    OTHER_DEGREE("anderer geeigneter Studiengang"),
    /** Berufsausbildung mit Erfahrungswissen: needs a description of the practical experience. */
    VOCATIONAL("Berufsausbildung mit Erfahrungswissen");

    private final String german;

    Qualification(String german) {
        this.german = german;
    }

    public String german() {
        return german;
    }
}

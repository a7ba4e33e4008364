package de.paktwerk.core.api;

/** The addressed entity does not exist (HTTP 404). */
public class UnknownEntityException extends PaktwerkException {
    private static final long serialVersionUID = 1L;

    public UnknownEntityException(String germanMessage) {
        super(germanMessage);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Nicht gefunden";
    }
}

package de.paktwerk.core.internal.command;

import de.paktwerk.core.internal.security.ApiTokens;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code paktwerk:token-create} */
@Service
@Command(scope = "paktwerk", name = "token-create", description = "Erzeugt ein API-Token für einen Benutzer; es wird nur dieses eine Mal angezeigt.")
public class TokenCreateCommand implements Action {

    @Reference
    de.paktwerk.core.api.Actors actors;

    @Reference
    ApiTokens tokens;

    @Reference
    Session session;

    @Argument(index = 0, name = "benutzer", description = "Benutzer im Realm karaf, dessen Rollen das Token erhält", required = true)
    String user;

    @Argument(index = 1, name = "bezeichnung", description = "wofür das Token ist, z. B. 'Fachverfahren Ulm'", required = true)
    String label;

    @Option(name = "-e", aliases = "--expires", description = "gültig bis zu diesem Tag (JJJJ-MM-TT, ausschließlich); ohne: ein Jahr")
    String expires;

    @Override
    public Object execute() {
        java.time.LocalDate until;
        try {
            until = expires == null ? null : java.time.LocalDate.parse(expires.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Ablaufdatum im Format JJJJ-MM-TT erwartet, nicht '" + expires + "'.");
        }
        ApiTokens.NewToken t = tokens.create(user, label, until, actors.consoleUser());
        session.getConsole().println("Token " + t.id() + " für " + t.user() + ", gültig bis " + t.expiresAt()
                + " (nur jetzt sichtbar, gespeichert wird nur sein Hash):");
        session.getConsole().println(t.token());
        session.getConsole().println("Verwendung: Authorization: Bearer " + t.token());
        return null;
    }
}

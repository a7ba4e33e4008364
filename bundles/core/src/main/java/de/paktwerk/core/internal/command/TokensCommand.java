package de.paktwerk.core.internal.command;

import de.paktwerk.core.internal.security.ApiTokens;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code paktwerk:tokens} */
@Service
@Command(scope = "paktwerk", name = "tokens", description = "Listet die API-Tokens (ohne die Tokens selbst).")
public class TokensCommand implements Action {

    @Reference
    ApiTokens tokens;

    @Reference
    Session session;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Nr.").alignRight();
        table.column("Benutzer");
        table.column("Bezeichnung");
        table.column("erzeugt");
        table.column("gültig bis");
        table.column("widerrufen");
        for (ApiTokens.TokenInfo t : tokens.list()) {
            table.addRow().addContent(t.id(), t.user(), t.label(), t.createdAt(), t.expiresAt(), t.revokedAt() == null ? "" : t.revokedAt());
        }
        table.print(session.getConsole());
        return null;
    }
}

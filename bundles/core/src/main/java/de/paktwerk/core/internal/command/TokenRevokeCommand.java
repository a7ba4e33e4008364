package de.paktwerk.core.internal.command;

import de.paktwerk.core.internal.security.ApiTokens;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code paktwerk:token-revoke} */
@Service
@Command(scope = "paktwerk", name = "token-revoke", description = "Widerruft ein API-Token.")
public class TokenRevokeCommand implements Action {

    @Reference
    de.paktwerk.core.api.Actors actors;

    @Reference
    ApiTokens tokens;

    @Reference
    Session session;

    @Argument(index = 0, name = "nr", description = "Nummer des Tokens (paktwerk:tokens)", required = true)
    long id;

    @Override
    public Object execute() {
        tokens.revoke(id, actors.consoleUser());
        session.getConsole().println("Token " + id + " widerrufen.");
        return null;
    }
}

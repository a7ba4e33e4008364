package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.api.AuditVerification;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code paktwerk:audit-verify} */
@Service
@Command(scope = "paktwerk", name = "audit-verify", description = "Prüft die Hash-Kette des Audit-Protokolls und nennt den ersten veränderten Eintrag.")
public class AuditVerifyCommand implements Action {

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AuditVerification v = audit.verify();
        session.getConsole().println(v.message());
        return v.intact() ? null : v;
    }
}

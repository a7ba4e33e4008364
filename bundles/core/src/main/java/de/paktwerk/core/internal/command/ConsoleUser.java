package de.paktwerk.core.internal.command;

import java.security.AccessController;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/** The name of the user running a console command, for the audit log. */
final class ConsoleUser {

    private ConsoleUser() {
    }

    @SuppressWarnings("removal")
    static String name() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return "konsole";
        }
        return subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst().orElse("konsole");
    }
}

package de.paktwerk.core.internal.security;

import de.paktwerk.core.api.Actors;
import java.security.AccessController;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.service.component.annotations.Component;

/** The console user from the JAAS subject Karaf's shell runs each command with. */
@Component(service = Actors.class)
public class SubjectActors implements Actors {

    @Override
    @SuppressWarnings("removal")
    public String consoleUser() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return SYSTEM;
        }
        return subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst().orElse(SYSTEM);
    }
}

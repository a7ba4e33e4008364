package de.paktwerk.core.internal.security;

import java.util.Map;
import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a login with an unknown user name cost what a wrong password costs: the realm answers an unknown name at
 * once but checks a known one against its bcrypt hash (~75 ms), so the time of a refusal told which names exist.
 * For an unknown name the password is checked against a bcrypt hash of a random secret made at start, with the
 * realm's own encryption service and settings.
 */
@Component(service = LoginTiming.class)
public class LoginTiming {

    private static final Logger LOG = LoggerFactory.getLogger(LoginTiming.class);

    private final Encryption encryption;
    private final String dummy;

    @Activate
    public LoginTiming(@Reference(target = "(name=spring-security-crypto)", cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY) EncryptionService service) {
        Encryption e = service == null ? null : service.createEncryption(Map.of("algorithm", "bcrypt", "encoding", "hexadecimal"));
        this.encryption = e;
        this.dummy = e == null ? null : e.encryptPassword(java.util.UUID.randomUUID().toString());
        if (e == null) {
            LOG.warn("Kein bcrypt für den Zeitausgleich der Anmeldung: unbekannte Benutzernamen werden schneller abgelehnt.");
        }
    }

    /** Spends the work of checking a password against a stored hash, for a name that has none. */
    public void equalise(char[] password) {
        if (encryption != null) {
            encryption.checkPassword(new String(password), dummy);
        }
    }
}

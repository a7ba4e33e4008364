package de.paktwerk.core.internal.security;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The users of Karaf's JAAS realm "karaf" (etc/users.properties by default), for lookups and changes. */
@Component(service = JaasUsers.class)
public class JaasUsers {

    static final String REALM = "karaf";

    private final BackingEngine engine;

    @Activate
    public JaasUsers(@Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
                     List<JaasRealm> realms,
                     @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
                     List<BackingEngineFactory> factories) {
        this.engine = engine(realms, factories);
    }

    private static BackingEngine engine(List<JaasRealm> realms, List<BackingEngineFactory> factories) {
        for (JaasRealm realm : realms) {
            if (!REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                Map<String, ?> options = entry.getOptions();
                Object module = options.get("org.apache.karaf.jaas.module");
                String moduleClass = module != null ? module.toString() : entry.getLoginModuleName();
                for (BackingEngineFactory factory : factories) {
                    if (factory.getModuleClass().equals(moduleClass)) {
                        return factory.build(options);
                    }
                }
            }
        }
        return null;
    }

    /** The editable backing store of the realm, if it has one. */
    public Optional<BackingEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /** The roles of a user, including those of its groups; empty if unknown. */
    public Optional<Set<String>> roles(String user) {
        if (engine == null) {
            return Optional.empty();
        }
        UserPrincipal principal = engine.lookupUser(user);
        if (principal == null) {
            return Optional.empty();
        }
        Set<String> roles = new TreeSet<>();
        engine.listRoles(principal).stream().map(Principal::getName).forEach(roles::add);
        return Optional.of(roles);
    }
}

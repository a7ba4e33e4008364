package de.paktwerk.core.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;

/** A realm "karaf" over a users.properties file in a temporary folder, with Karaf's own properties backing engine. */
final class RealmFixture {

    final Path file;
    final Map<String, String> options;
    final PropertiesBackingEngineFactory factory = new PropertiesBackingEngineFactory();
    final JaasUsers users;

    RealmFixture(Path dir, String content) throws IOException {
        file = dir.resolve("users.properties");
        Files.writeString(file, content);
        options = Map.of("users", file.toString(), "org.apache.karaf.jaas.module", PropertiesLoginModule.class.getName());
        JaasRealm realm = new JaasRealm() {
            @Override
            public String getName() {
                return "karaf";
            }

            @Override
            public int getRank() {
                return 0;
            }

            @Override
            public AppConfigurationEntry[] getEntries() {
                return new AppConfigurationEntry[] {new AppConfigurationEntry(PropertiesLoginModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
        users = new JaasUsers(List.of(realm), List.of(factory));
    }

    /** What another tool (jaas:* on the console) sees and does: its own engine over the same file. */
    BackingEngine otherTool() {
        return factory.build(options);
    }

    Optional<UserPrincipal> lookup(String user) {
        return Optional.ofNullable(factory.build(options).lookupUser(user));
    }
}

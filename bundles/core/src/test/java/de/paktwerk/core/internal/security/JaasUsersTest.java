package de.paktwerk.core.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JaasUsersTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Users deleted, added or changed by Karaf's jaas commands stay so when Paktwerk changes the realm afterwards. */
    @Test
    public void paktwerkAndKarafsOwnCommandsWorkOnTheSameCurrentState() throws Exception {
        RealmFixture realm = new RealmFixture(tmp.getRoot().toPath(), "old = secret,auditor\nkeep = secret,approver\n");
        assertEquals(Optional.of(Set.of("auditor")), realm.users.roles("old"));
        BackingEngine jaas = realm.otherTool();
        jaas.deleteUser("old");
        jaas.addUser("fromjaas", "secret");
        jaas.addRole("fromjaas", "auditor");
        jaas.deleteRole("keep", "approver");
        jaas.addRole("keep", "auditor");
        realm.users.withEngine(e -> {
            e.addUser("frompaktwerk", "secret");
            e.addRole("frompaktwerk", "approver");
            return null;
        });
        assertTrue("von jaas:user-delete gelöscht, darf nicht zurückkommen", realm.lookup("old").isEmpty());
        assertTrue("von jaas:user-add angelegt, darf nicht verschwinden", realm.lookup("fromjaas").isPresent());
        assertTrue(realm.lookup("frompaktwerk").isPresent());
        assertEquals(Optional.of(Set.of("auditor")), realm.users.roles("keep"));
        assertEquals(Optional.empty(), realm.users.roles("old"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(realm.file)));
        assertFalse(Files.readString(realm.file).contains("old ="));
    }
}

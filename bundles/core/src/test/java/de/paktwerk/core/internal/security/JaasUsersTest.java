package de.paktwerk.core.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
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

    /**
     * A reader of the file while users are added — a login, or Karaf's watcher that encrypts plain passwords and
     * saves what it read — never sees a half-written file: every user it reads has its full password and role.
     * (Written in place, the reader caught users without their role within a few hundred additions, and a watcher
     * saving such a read lost the role for good: an approver created on the console had none.)
     */
    @Test
    public void aConcurrentReaderNeverSeesAHalfWrittenUsersFile() throws Exception {
        RealmFixture realm = new RealmFixture(tmp.getRoot().toPath(), "admin = secret-of-the-admin,admin\n");
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.List<String> torn = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    org.apache.felix.utils.properties.Properties users = new org.apache.felix.utils.properties.Properties(realm.file.toFile());
                    for (String name : users.keySet()) {
                        String value = users.get(name);
                        if (!value.matches("secret-of-(the-admin,admin|user-[0-9]+,approver)")) {
                            torn.add(name + " = " + value);
                        }
                    }
                } catch (IOException e) {
                    torn.add(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 300; i++) {
            int n = i;
            realm.users.withEngine(e -> {
                e.addUser("user" + n, "secret-of-user-" + n);
                e.addRole("user" + n, "approver");
                return null;
            });
        }
        done.set(true);
        reader.join();
        assertEquals(java.util.List.of(), torn.subList(0, Math.min(5, torn.size())));
        assertEquals(Optional.of(Set.of("approver")), realm.users.roles("user299"));
        assertFalse(Files.exists(realm.file.resolveSibling(".users.properties.draft")));
    }

    /** Work that fails leaves the file as it was: no user without its roles. */
    @Test
    public void failedWorkChangesNothing() throws Exception {
        RealmFixture realm = new RealmFixture(tmp.getRoot().toPath(), "admin = secret,admin\n");
        String before = Files.readString(realm.file);
        try {
            realm.users.withEngine(e -> {
                e.addUser("half", "secret");
                throw new IllegalStateException("Rolle unbekannt");
            });
        } catch (IllegalStateException expected) {
            assertEquals("Rolle unbekannt", expected.getMessage());
        }
        assertEquals(before, Files.readString(realm.file));
        assertTrue(realm.lookup("half").isEmpty());
    }

    /** Paktwerk writes only after Karaf's auto-encryption has hashed what was written by hand; groups are no users. */
    @Test
    public void plainPasswordsAreCountedAndGroupsAreNot() throws IOException {
        java.nio.file.Path file = tmp.newFile("users.properties").toPath();
        Files.writeString(file, "admin = {CRYPT}2432{CRYPT},_g_:admingroup\n_g_\\:admingroup = group,admin\nhand = klartext,approver\n"
                + "leer = {CRYPT}{CRYPT},approver\n");
        assertEquals(2, JaasUsers.plainPasswords(file, "{CRYPT}", "{CRYPT}"));
        Files.writeString(file, "admin = {CRYPT}2432{CRYPT},_g_:admingroup\n_g_\\:admingroup = group,admin\n");
        assertEquals(0, JaasUsers.plainPasswords(file, "{CRYPT}", "{CRYPT}"));
    }
}

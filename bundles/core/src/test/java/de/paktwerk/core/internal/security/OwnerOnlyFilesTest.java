package de.paktwerk.core.internal.security;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class OwnerOnlyFilesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theFilesWithPasswordsInEtcBecomeOwnerOnlyAndTheOthersStayAsTheyAre() throws Exception {
        Path etc = tmp.newFolder("etc").toPath();
        for (String name : new String[] {"org.ops4j.pax.web.cfg", "org.ops4j.datasource-paktwerk.cfg", "paktwerk-tls.p12", "org.ops4j.pax.logging.cfg"}) {
            Files.writeString(etc.resolve(name), "x");
            Files.setPosixFilePermissions(etc.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        OwnerOnlyFiles.restrictSecrets(etc);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("org.ops4j.pax.web.cfg"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("org.ops4j.datasource-paktwerk.cfg"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("paktwerk-tls.p12"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("org.ops4j.pax.logging.cfg"))));
    }

    @Test
    public void anUpdateOfTheDatabaseOrWebConfigurationRestrictsAgain() {
        assertEquals(true, OwnerOnlyFiles.SECRET_PID.test("org.ops4j.pax.web"));
        assertEquals(true, OwnerOnlyFiles.SECRET_PID.test("org.ops4j.datasource"));
        assertEquals(false, OwnerOnlyFiles.SECRET_PID.test("org.ops4j.pax.logging"));
    }
}

package de.paktwerk.itests;

import static org.junit.Assert.fail;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The paktwerk:* console commands in the running distribution, as an admin and as a user without admin. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleIT extends PaktwerkTestSupport {

    @Inject
    SessionFactory sessionFactory;

    @Test
    public void adminListsMunicipalitiesBudgetsAndVerifiesTheAuditChain() throws Exception {
        String municipalities = run("admin", "paktwerk:municipalities -k STADTKREIS");
        assertTrue(municipalities, municipalities.contains("Stuttgart, Landeshauptstadt"));
        assertTrue(municipalities, municipalities.contains("9 von 9 Treffern"));
        String budgets = run("admin", "paktwerk:budgets 2022");
        assertTrue(budgets, budgets.contains("56.500.000,00 €"));
        String audit = run("admin", "paktwerk:audit-verify");
        assertTrue(audit, audit.contains("Audit-Kette intakt"));
        String help = run("admin", "paktwerk:distribute --help");
        assertTrue(help, help.contains("Führt eine Verteilung aus"));
    }

    @Test
    public void aConsoleUserWithoutAdminCannotRunPaktwerkOrJdbcCommands() {
        // the container runs JUnit 4.12 (no assertThrows)
        for (String command : new String[] {"paktwerk:budgets", "jdbc:ds-list", "jdbc:query paktwerk \"SELECT 1\""}) {
            try {
                String out = run("viewer1", command, "viewer");
                fail("'" + command + "' ran without admin: " + out);
            } catch (Exception refused) {
                assertTrue(refused.toString(), refused.getClass().getName().contains("CommandNotFound")
                        || refused instanceof SecurityException);
            }
        }
    }

    private String run(String user, String command, String... roles) throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        if (roles.length == 0) {
            subject.getPrincipals().add(new RolePrincipal("admin"));
        }
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            if (result != null) {
                print.println(result);
            }
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

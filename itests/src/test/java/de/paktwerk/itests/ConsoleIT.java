package de.paktwerk.itests;

import static org.junit.Assert.fail;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The paktwerk:* console commands in the running distribution, as an admin and as a user without admin. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleIT extends PaktwerkTestSupport {

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
        return console(roles.length == 0 ? new String[] {"admin"} : roles, command);
    }
}

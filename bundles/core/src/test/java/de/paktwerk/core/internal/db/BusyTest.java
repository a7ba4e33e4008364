package de.paktwerk.core.internal.db;

import static de.paktwerk.core.internal.testing.CoreFixture.AREA;
import static de.paktwerk.core.internal.testing.CoreFixture.euros;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import de.paktwerk.core.api.ProblemType;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.Test;

public class BusyTest {

    /** A row another transaction holds past the lock timeout: 503 "try again", not 409, and nothing changed. */
    @Test
    public void aLockNotGotInTimeIsUnavailableNotAConflict() throws Exception {
        CoreFixture f = new CoreFixture("100000.00");
        f.budgets.setBudget("2017", AREA, euros("1000.00"), "anna");
        f.lockTimeout(200);
        try (Connection holder = f.dataSource.getConnection(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.executeQuery("SELECT * FROM budget WHERE period_id = '2017' FOR UPDATE").next();
            Busy busy = assertThrows(Busy.class, () -> f.budgets.setBudget("2017", AREA, euros("2000.00"), "bert"));
            assertEquals(503, busy.status());
            assertEquals(ProblemType.UNAVAILABLE, busy.problemType());
            holder.rollback();
        }
        assertEquals(euros("1000.00"), f.budgets.budget("2017", AREA).amount());
    }
}

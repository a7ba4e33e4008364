package de.paktwerk.core.internal.db;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.PaktwerkException;
import de.paktwerk.core.api.db.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Transactions over the Paktwerk {@link DataSource}; statements go through {@link de.paktwerk.core.api.db.Sql}. */
public final class Jdbc implements Transactions {

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    @Override
    public <T> T inTransaction(Work<T> work) {
        return tx(work);
    }

    public <T> T tx(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** SQL failures that are the caller's fault become a German 409; others stay internal errors. */
    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("23") || state.equals("40001") || state.startsWith("HYT"))) {
            return new ConflictException("Die Änderung widerspricht dem aktuellen Datenbestand (" + state + ").");
        }
        return new IllegalStateException("Datenbankfehler: " + e.getMessage(), e);
    }

    /** Rethrows a domain exception unchanged, wraps the rest. */
    public static RuntimeException unchecked(Exception e) {
        if (e instanceof PaktwerkException p) {
            return p;
        }
        if (e instanceof SQLException s) {
            return translate(s);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
}

package de.paktwerk.core.internal.db;

import de.paktwerk.core.api.ConflictException;
import de.paktwerk.core.api.db.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Transactions over the Paktwerk {@link DataSource}; statements go through {@link de.paktwerk.core.api.db.Sql}. */
public final class Jdbc implements Transactions {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Jdbc.class);

    private final DataSource dataSource;
    /** A transaction bound to the current request thread (see {@link #begin()}); {@link #tx} joins it. */
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ThreadLocal<Boolean> rollbackOnly = ThreadLocal.withInitial(() -> false);
    /** Work to run once the transaction of this thread has committed (events); dropped on rollback. */
    private final ThreadLocal<java.util.List<Runnable>> afterCommit = new ThreadLocal<>();
    /** Depth of {@link #tx} calls on this thread outside a bound transaction. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * The connection of the outermost {@link #tx} running on this thread: a nested {@code tx} joins it instead of
     * taking a second pooled connection while the first is held (which can exhaust the pool and deadlock under load).
     */
    private final ThreadLocal<Connection> active = new ThreadLocal<>();

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens a transaction bound to this thread: every {@link #tx} on this thread joins it until
     * {@link #end(boolean)}. Used to make a request and the record of its idempotent answer one transaction.
     */
    public Connection begin() throws SQLException {
        if (bound.get() != null) {
            LOG.warn("Eine Anfrage hat ihre Transaktion nicht beendet; sie wird zurückgerollt");
            end(false); // never inherit a transaction a previous request left behind
        }
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        bound.set(c);
        rollbackOnly.set(false);
        return c;
    }

    /** The transaction bound to this thread, if any. */
    public Connection bound() {
        return bound.get();
    }

    /** True if this thread runs inside a transaction (bound to its request or of an enclosing {@link #tx}). */
    public boolean holdsTransaction() {
        return bound.get() != null || active.get() != null;
    }

    /** True if work inside the bound transaction failed, so it must not commit. */
    public boolean rollbackOnly() {
        return rollbackOnly.get();
    }

    /** Commits (if asked and nothing failed) or rolls back the bound transaction and releases it. */
    public void end(boolean commit) throws SQLException {
        Connection c = bound.get();
        bound.remove();
        boolean failed = rollbackOnly.get();
        rollbackOnly.remove();
        java.util.List<Runnable> pending = afterCommit.get();
        afterCommit.remove();
        if (c == null) {
            return;
        }
        try {
            if (commit && !failed) {
                c.commit();
                runAll(pending);
            } else {
                c.rollback();
            }
        } finally {
            try {
                c.setAutoCommit(true);
            } finally {
                c.close();
            }
        }
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    @Override
    public <T> T inTransaction(Work<T> work) {
        return tx(work);
    }

    public <T> T tx(Work<T> work) {
        Connection joined = bound.get() != null ? bound.get() : active.get();
        if (joined != null) {
            boolean requestBound = joined == bound.get();
            try {
                return work.run(joined);
            } catch (SQLException e) {
                rollbackOnly.set(requestBound || rollbackOnly.get());
                throw translate(e);
            } catch (RuntimeException e) {
                rollbackOnly.set(requestBound || rollbackOnly.get());
                throw e;
            }
        }
        int[] level = depth.get();
        boolean outermost = level[0] == 0;
        level[0]++;
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            active.set(c);
            try {
                T result = work.run(c);
                c.commit();
                if (outermost) {
                    java.util.List<Runnable> pending = afterCommit.get();
                    afterCommit.remove();
                    runAll(pending);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (outermost) {
                    afterCommit.remove();
                }
                throw e;
            } finally {
                active.remove();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            level[0]--;
        }
    }

    /**
     * Runs {@code action} once the current transaction of this thread has committed (at once outside of one);
     * never if it rolls back. For notifications of committed changes (EventAdmin): a listener sees the change.
     */
    public void afterCommit(Runnable action) {
        if (bound.get() == null && depth.get()[0] == 0) {
            action.run();
            return;
        }
        java.util.List<Runnable> pending = afterCommit.get();
        if (pending == null) {
            pending = new java.util.ArrayList<>();
            afterCommit.set(pending);
        }
        pending.add(action);
    }

    private static void runAll(java.util.List<Runnable> pending) {
        if (pending != null) {
            pending.forEach(Runnable::run);
        }
    }

    /**
     * SQL failures become German answers: a lock not got in time, a deadlock or a serialization failure is 503
     * (try again shortly, nothing changed); a violated constraint is 409; anything else stays an internal error.
     */
    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("HYT") || state.equals("40001") || state.equals("40P01") || state.equals("55P03"))) {
            return new Busy("Die Datenbank ist gerade durch gleichzeitige Änderungen belegt; es wurde nichts geändert."
                    + " Bitte in " + Busy.RETRY_AFTER_SECONDS + " Sekunde erneut versuchen.");
        }
        if (state != null && state.startsWith("23")) {
            return new ConflictException("Die Änderung widerspricht dem aktuellen Datenbestand (" + state + ").");
        }
        return new IllegalStateException("Datenbankfehler: " + e.getMessage(), e);
    }

}

package de.paktwerk.core.internal.db;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

/** Transactions take one pooled connection per thread, and a request's transaction never outlives the request. */
public class JdbcTest {

    /** Counts the connections taken and how many are open at once. */
    static final class CountingDataSource implements DataSource {
        final JdbcDataSource h2 = new JdbcDataSource();
        final AtomicInteger taken = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger maxOpen = new AtomicInteger();
        final List<Connection> connections = new ArrayList<>();

        CountingDataSource() {
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }

        @Override
        public Connection getConnection() throws SQLException {
            taken.incrementAndGet();
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            Connection real = h2.getConnection();
            Connection counted = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && !real.isClosed()) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            connections.add(counted);
            return counted;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("no");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    @Test
    public void aNestedTransactionJoinsTheOneTheThreadHoldsInsteadOfTakingASecondConnection() {
        CountingDataSource ds = new CountingDataSource();
        Jdbc jdbc = new Jdbc(ds);
        Connection[] inner = new Connection[1];
        Connection outer = jdbc.tx(c -> {
            jdbc.tx(nested -> inner[0] = nested);
            return c;
        });
        assertSame(outer, inner[0]);
        assertEquals(1, ds.taken.get());
        assertEquals(1, ds.maxOpen.get());
        assertEquals(0, ds.open.get());
        // afterwards a new transaction takes a new connection: nothing stays bound to the thread
        jdbc.tx(c -> null);
        assertEquals(2, ds.taken.get());
        assertEquals(0, ds.open.get());
    }

    @Test
    public void aRequestTransactionLeftBehindIsRolledBackByTheNextRequestOnTheThread() throws Exception {
        CountingDataSource ds = new CountingDataSource();
        Jdbc jdbc = new Jdbc(ds);
        jdbc.tx(c -> c.createStatement().execute("CREATE TABLE t (v INT)"));
        Connection first = jdbc.begin();
        first.createStatement().execute("INSERT INTO t VALUES (1)");
        // the response filter never ran; the next request on this pooled thread begins
        jdbc.begin();
        assertTrue(first.isClosed());
        jdbc.end(true);
        assertNull(jdbc.bound());
        assertEquals(0L, (long) jdbc.tx(c -> {
            var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t");
            rs.next();
            return rs.getLong(1);
        }));
        assertEquals(0, ds.open.get());
    }
}

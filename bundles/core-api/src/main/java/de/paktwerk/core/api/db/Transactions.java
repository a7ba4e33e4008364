package de.paktwerk.core.api.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction on the Paktwerk data source (core and modules share it). */
@org.osgi.annotation.versioning.ProviderType
public interface Transactions {

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. Domain
     * exceptions pass unchanged; constraint violations become a German {@code ConflictException}.
     */
    <T> T inTransaction(Work<T> work);
}

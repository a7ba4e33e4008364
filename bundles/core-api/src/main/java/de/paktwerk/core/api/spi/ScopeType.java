package de.paktwerk.core.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of scope role a module owns, e.g. {@code position:<id>} of integration management: a user with the
 * role {@link #requiredFor()} acts only within scopes of this kind. The core asks it, when an account is
 * created or changed, whether a scope names something that exists; without a registered {@code ScopeType}
 * for a prefix (its module is not installed) the core refuses such scopes.
 *
 * <p>Register it as an OSGi service. The core calls it from its console and REST threads; an implementation
 * reads its own tables and must not call back into core services that lock.
 */
@ConsumerType
public interface ScopeType {

    /** The prefix of the scope role without the colon, e.g. {@code position}. */
    String prefix();

    /** The role whose users need at least one scope of this kind, e.g. {@code caseworker}. */
    String requiredFor();

    /** German noun for messages, e.g. "Stelle". */
    String title();

    /** Whether the scope value (what follows the colon) names something that exists. */
    boolean exists(String value);
}

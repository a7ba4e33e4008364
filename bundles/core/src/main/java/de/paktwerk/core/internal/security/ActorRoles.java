package de.paktwerk.core.internal.security;

import java.util.Optional;
import java.util.Set;

/**
 * The current roles and scopes of a user by name, as the realm holds them now. The core's rules of
 * separation of duties ask it who someone is when they act, whichever way they came in (REST, token,
 * console).
 */
@FunctionalInterface
public interface ActorRoles {

    /** The user's roles now; empty if the user does not exist. */
    Optional<Set<String>> roles(String user);

    /**
     * Who the account of that name is now, as a fingerprint that changes when the account is deleted and created
     * again or its password is changed: tokens and sessions are bound to it, not to the name. Empty if the user does
     * not exist. By default the name (a realm that cannot tell more).
     */
    default Optional<String> identity(String user) {
        return roles(user).map(r -> user);
    }
}

package de.paktwerk.core.api;

/**
 * A third party (Träger, e.g. a welfare organisation) that carries out the work for a responsible body;
 * responsibility stays with the body.
 *
 * @param id identifier
 * @param responsibleKey official key of the responsible body
 * @param name name of the provider
 * @param kind VHS, association, church parish, welfare association … (since 2.0)
 */
public record Provider(long id, String responsibleKey, String name, ProviderKind kind) {
}

package de.paktwerk.core.api;

/**
 * A third party (Träger, e.g. a welfare organisation) that carries out the work for a responsible body;
 * responsibility stays with the body.
 *
 * @param id identifier
 * @param responsibleKey official key of the responsible body
 * @param name name of the provider
 */
public record Provider(long id, String responsibleKey, String name) {
}

package de.paktwerk.core.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param total number of items in the whole list
 * @param offset index of the first item
 * @param limit the page size asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    /** Largest page size any list serves. */
    public static final int MAX_LIMIT = 2000;

    /** Checks paging parameters, German error otherwise. */
    public static void check(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset darf nicht negativ sein.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit muss zwischen 1 und " + MAX_LIMIT + " liegen.");
        }
    }
}

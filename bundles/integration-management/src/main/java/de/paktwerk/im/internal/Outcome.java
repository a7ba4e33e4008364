package de.paktwerk.im.internal;

/** Outcome of a review (Überprüfung) of an integration plan or goal. */
public enum Outcome {
    ACHIEVED, IN_PROGRESS, NOT_ACHIEVED, REVISED
}

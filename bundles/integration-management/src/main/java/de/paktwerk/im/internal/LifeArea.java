package de.paktwerk.im.internal;

/** Life areas (Lebensbereiche) of an integration plan's goals. */
public enum LifeArea {
    LANGUAGE, EDUCATION, WORK, HOUSING, HEALTH, SOCIAL
}

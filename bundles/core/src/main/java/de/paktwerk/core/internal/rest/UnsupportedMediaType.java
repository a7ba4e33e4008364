package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.PaktwerkException;

/** 415: the body came with a media type the endpoint does not read; the message names the right one. */
public class UnsupportedMediaType extends PaktwerkException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaType(String germanMessage) {
        super(germanMessage);
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    public String title() {
        return "Falscher Medientyp";
    }
}

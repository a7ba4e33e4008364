package de.paktwerk.core.api;

import de.paktwerk.core.api.spi.FundingArea;
import java.util.List;
import java.util.Optional;

/** The funding areas installed right now (live view of the whiteboard). */
public interface FundingAreas {

    List<FundingArea> installed();

    Optional<FundingArea> find(String areaId);

    /** The installed area or a German 409 naming the missing module. */
    FundingArea require(String areaId);
}

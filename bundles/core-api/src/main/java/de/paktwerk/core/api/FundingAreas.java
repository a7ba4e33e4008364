package de.paktwerk.core.api;

import java.util.List;
import java.util.Optional;

/** The funding areas installed right now (live view of the whiteboard of {@code spi.FundingArea} services). */
@org.osgi.annotation.versioning.ProviderType
public interface FundingAreas {

    List<AreaDescriptor> installed();

    Optional<AreaDescriptor> find(String areaId);

    /** The installed area or a German 409 naming the missing module. */
    AreaDescriptor require(String areaId);
}

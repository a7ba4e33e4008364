package de.paktwerk.core.internal.application;

import de.paktwerk.core.api.Money;
import de.paktwerk.core.internal.municipality.MunicipalityRegistryImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One area's approval settings, one component per factory configuration; checked when configured. */
@Component(service = AreaApproval.class, configurationPid = "de.paktwerk.approval.area", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AreaApprovalConfig.class, factory = true)
public class AreaApproval {

    final String areaId;
    /** Null: the general threshold. */
    final Money fourEyesThreshold;
    /** Null: the general prefix. */
    final String decisionPrefix;
    /** Null: the area's own. */
    final String approvalOffice;

    @Activate
    public AreaApproval(AreaApprovalConfig config) {
        if (config.areaId() == null || !MunicipalityRegistryImpl.AREA_ID.matcher(config.areaId()).matches()) {
            throw new IllegalArgumentException("areaId fehlt oder ist ungültig: " + config.areaId());
        }
        this.areaId = config.areaId();
        this.fourEyesThreshold = blank(config.fourEyesThreshold()) ? null : ApprovalSettings.threshold(config.fourEyesThreshold());
        this.decisionPrefix = blank(config.decisionPrefix()) ? null : ApprovalSettings.prefix(config.decisionPrefix());
        this.approvalOffice = blank(config.approvalOffice()) ? null : config.approvalOffice().trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

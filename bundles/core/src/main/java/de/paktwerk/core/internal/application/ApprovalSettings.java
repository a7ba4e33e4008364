package de.paktwerk.core.internal.application;

import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Money;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The approval settings in force: the general ones ({@code etc/de.paktwerk.approval.cfg}) and, per funding area,
 * its factory configuration where one exists. Changes apply to the next decision without a restart.
 */
@Component(service = ApprovalSettings.class, configurationPid = "de.paktwerk.approval")
@Designate(ocd = ApprovalConfig.class)
public class ApprovalSettings {

    private final Map<String, AreaApproval> perArea = new ConcurrentHashMap<>();
    private volatile Money fourEyesThreshold;
    private volatile String decisionPrefix;

    @Activate
    public ApprovalSettings(ApprovalConfig config) {
        modified(config);
    }

    @Modified
    void modified(ApprovalConfig config) {
        this.fourEyesThreshold = threshold(config.fourEyesThreshold());
        this.decisionPrefix = prefix(config.decisionPrefix());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addAreaApproval(AreaApproval approval) {
        perArea.put(approval.areaId, approval);
    }

    void removeAreaApproval(AreaApproval approval) {
        perArea.remove(approval.areaId, approval);
    }

    static Money threshold(String value) {
        Money threshold = Money.parse(value);
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("Vier-Augen-Schwelle darf nicht negativ sein");
        }
        return threshold;
    }

    static String prefix(String value) {
        if (value == null || !value.trim().matches("[A-Za-z0-9]{1,12}")) {
            throw new IllegalArgumentException("Bescheid-Präfix besteht aus 1 bis 12 Buchstaben oder Ziffern: " + value);
        }
        return value.trim();
    }

    /** Approvals of the area above this sum need a second approver. */
    public Money fourEyesThreshold(String areaId) {
        AreaApproval a = perArea.get(areaId);
        return a != null && a.fourEyesThreshold != null ? a.fourEyesThreshold : fourEyesThreshold;
    }

    /** Prefix of the area's decision numbers. */
    public String decisionPrefix(String areaId) {
        AreaApproval a = perArea.get(areaId);
        return a != null && a.decisionPrefix != null ? a.decisionPrefix : decisionPrefix;
    }

    /** True if the administrator named the area's approval office. */
    public boolean configuresOffice(String areaId) {
        AreaApproval a = perArea.get(areaId);
        return a != null && a.approvalOffice != null;
    }

    /** The approval office configured for an area that is not installed right now, or a neutral word. */
    public String office(String areaId) {
        AreaApproval a = perArea.get(areaId);
        return a != null && a.approvalOffice != null ? a.approvalOffice : "Bewilligungsstelle";
    }

    /** The approval office named on the area's decisions. */
    public String office(AreaDescriptor area) {
        AreaApproval a = perArea.get(area.id());
        return a != null && a.approvalOffice != null ? a.approvalOffice : area.approvalOffice();
    }
}

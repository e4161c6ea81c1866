package io.aclens.report.alert;

import io.aclens.access.ChangeKind;
import io.aclens.access.FolderPath;
import io.aclens.access.Level;
import io.aclens.access.findings.Finding;
import io.aclens.access.findings.RiskFindings;
import io.aclens.access.findings.Severity;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.EffectiveChangeView;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What does not wait for the monthly package: a high finding not alerted yet (one alert per finding, however many
 * folders), an everyone-style group gaining access anywhere, and anyone gaining Modify or Full control on a folder the
 * client marked sensitive.
 */
public final class AlertRules {
    private AlertRules() {
    }

    public static List<Finding> newHighFindings(List<Finding> findings, Set<String> alreadyAlerted) {
        return findings.stream().filter(f -> f.severity() == Severity.HIGH && !alreadyAlerted.contains(f.key())).toList();
    }

    public static List<ChangeView> broadGroupGains(List<ChangeView> changes) {
        return changes.stream().filter(c -> c.principalSid() != null && RiskFindings.broad(c.principalSid())
                && (c.kind() == ChangeKind.GRANTED || c.kind() == ChangeKind.RAISED)).toList();
    }

    public static List<EffectiveChangeView> sensitiveGains(List<EffectiveChangeView> changes, Collection<String> sensitivePaths) {
        return changes.stream().filter(c -> (c.kind() == ChangeKind.GRANTED || c.kind() == ChangeKind.RAISED)
                && (c.after() == Level.MODIFY || c.after() == Level.FULL)
                && sensitivePaths.stream().anyMatch(folder -> FolderPath.isWithin(c.path(), folder))).toList();
    }
}

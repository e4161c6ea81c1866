package io.aclens.report.delivery;

import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.findings.Severity;
import io.aclens.contracts.api.EffectiveChangeView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the mail says about a package, in the recipient's language: counts, and the three changes that matter most —
 * people gaining the highest levels first, then the largest losses.
 */
public record PackageSummary(String clientId, String period, long folders, int people, long aclChanges, int effectiveChanges,
                             int findings, int highFindings, int newFindings, int resolvedFindings, List<String> topItems) {
    /** The mail's short names, as Windows' security tab shows them. */
    private static final Map<Level, String> SHORT_RUSSIAN = Map.of(Level.MODIFY, "Изменение", Level.SPECIAL, "Особые разрешения",
            Level.LIST_FOLDER, "Список содержимого папки");

    /** Gains of the highest level first; a loss ranks by the level lost. */
    private static final Comparator<EffectiveChangeView> MOST_IMPORTANT_FIRST = Comparator
            .comparing((EffectiveChangeView c) -> c.kind() != ChangeKind.GRANTED && c.kind() != ChangeKind.RAISED)
            .thenComparing(c -> c.after() == null ? 0 : -c.after().ordinal())
            .thenComparing(c -> c.before() == null ? 0 : -c.before().ordinal())
            .thenComparing(EffectiveChangeView::path);

    /** New findings of high or medium severity come first among the three most important items, then the changes. */
    public static PackageSummary of(String clientId, String period, long folders, int people, long aclChanges,
                                    List<EffectiveChangeView> changes, FindingChanges findings, String language) {
        List<String> top = java.util.stream.Stream.concat(
                        findings.fresh().stream().filter(f -> f.severity() != Severity.LOW).map(f -> FindingChanges.describe(f, language)),
                        changes.stream().sorted(MOST_IMPORTANT_FIRST).map(c -> describe(c, language)))
                .distinct().limit(3).toList();
        int all = findings.fresh().size() + findings.open().size();
        int high = (int) java.util.stream.Stream.concat(findings.fresh().stream(), findings.open().stream())
                .filter(f -> f.severity() == Severity.HIGH).count();
        return new PackageSummary(clientId, period, folders, people, aclChanges, changes.size(), all, high, findings.fresh().size(),
                findings.resolved().size(), top);
    }

    private static String levelName(Level level, String language) {
        return "ru".equals(language) ? SHORT_RUSSIAN.getOrDefault(level, level.description("ru")) : level.description();
    }

    private static String describe(EffectiveChangeView change, String language) {
        String who = change.fullName() == null || change.fullName().isBlank() ? change.login() : change.fullName();
        return who + ": " + levelName(change.before(), language) + " → " + levelName(change.after(), language) + " — " + change.path();
    }
}

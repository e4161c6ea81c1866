package io.aclens.access.effective;

/**
 * The words of a cell's reasons in one language (English or Russian): a client's manager reads them in the workbook's
 * hover text and in the API's answer in the language the package is in. Level names come from {@code Level}.
 */
public record ExplanationPhrases(String language, String via, String allow, String namedDirectly, String inheritedFrom, String explicit,
                                 String aboveScanned, String limitedByShare, String unmapped, String shareAllows, String shareNamesNobody,
                                 String dormant, String accountDisabled, String accountExpired) {

    public static final ExplanationPhrases ENGLISH = new ExplanationPhrases("en", "%s via %s", "allow, %s", "%s (named directly)",
            "inherited from %s", "explicit", "above the scanned folder", ", limited to %s by the share's permissions",
            "No access via %s (%s): holds %s unmapped: grants nothing here", "The share's permissions allow %s%s",
            " (no entry of the share names this person)",
            "No access: %s; dormant level %s (what the account would hold if re-enabled):", "account disabled", "account expired");

    public static final ExplanationPhrases RUSSIAN = new ExplanationPhrases("ru", "%s через %s", "разрешение, %s", "%s (указан напрямую)",
            "унаследовано от %s", "явное", "выше просканированной папки", ", ограничено до «%s» разрешениями общего ресурса",
            "Нет доступа через %s (%s): содержит %s без сопоставления — здесь ничего не даёт", "Разрешения общего ресурса допускают «%s»%s",
            " (ни одна запись общего ресурса не называет этого сотрудника)",
            "Нет доступа: %s; скрытый уровень «%s» (что получит учётная запись, если её снова включить):", "учётная запись отключена",
            "срок действия учётной записи истёк");

    /** Russian for {@code ru}, English for anything else. */
    public static ExplanationPhrases of(String language) {
        return "ru".equals(language) ? RUSSIAN : ENGLISH;
    }

    /** An account's state as {@code DirectoryEntry.dormancyAt} names it, in this language. */
    public String dormancy(String englishState) {
        return switch (englishState) {
            case "account disabled" -> accountDisabled;
            case "account expired" -> accountExpired;
            default -> englishState;
        };
    }
}

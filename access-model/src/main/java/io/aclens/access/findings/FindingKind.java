package io.aclens.access.findings;

/** The risks ACLens looks for, each with its severity and how it is named in English and Russian. */
public enum FindingKind {
    BROAD_GROUP_CAN_CHANGE(Severity.HIGH, "An everyone-style group can change or delete files",
            "Группа «все» может изменять и удалять файлы"),
    BROAD_GROUP_CAN_CHANGE_PERMISSIONS(Severity.HIGH, "An everyone-style group can change permissions or take ownership",
            "Группа «все» может менять разрешения или становиться владельцем"),
    NULL_DACL(Severity.HIGH, "No access control list (NULL DACL): everyone may do anything, change permissions included",
            "Нет списка доступа (NULL DACL): любой может всё, включая смену разрешений"),
    ORPHANED_SID(Severity.MEDIUM, "Permissions name a deleted or unknown account", "В разрешениях указана удалённая или неизвестная учётная запись"),
    DORMANT_ACCOUNT(Severity.MEDIUM, "A disabled or expired account is still named in permissions",
            "Отключённая или просроченная учётная запись всё ещё указана в разрешениях"),
    STALE_ACCOUNT(Severity.MEDIUM, "An account without a logon for 90 days still has access",
            "Учётная запись без входа 90 дней сохраняет доступ"),
    INHERITANCE_MISMATCH(Severity.MEDIUM, "Inherited permissions no longer match the parent folder's (a moved folder or failed propagation)",
            "Унаследованные разрешения не совпадают с разрешениями родительской папки (папку переместили или наследование не применилось)"),
    NON_CANONICAL_ORDER(Severity.MEDIUM, "Permissions out of Windows' order (a deny after an allow, or inherited before explicit)",
            "Разрешения не в порядке Windows (запрет после разрешения или унаследованные перед явными)"),
    LOCAL_ACCOUNT(Severity.LOW, "A server's own (local) group is named in permissions instead of a domain group",
            "В разрешениях указана локальная группа сервера вместо доменной"),
    USER_NAMED_DIRECTLY(Severity.LOW, "A person is granted access directly instead of through a group",
            "Права выданы сотруднику напрямую, а не через группу"),
    EMPTY_GROUP_GRANTS(Severity.LOW, "An empty group grants access", "Пустая группа даёт доступ"),
    INHERITANCE_BROKEN(Severity.LOW, "Folders with unique permissions (inheritance broken)", "Папки с отключённым наследованием разрешений"),
    NOBODY_HAS_FULL_CONTROL(Severity.LOW, "Nobody holds Full control", "Ни у кого нет полного доступа");

    private final Severity severity;
    private final String english;
    private final String russian;

    FindingKind(Severity severity, String english, String russian) {
        this.severity = severity;
        this.english = english;
        this.russian = russian;
    }

    public Severity severity() {
        return severity;
    }

    public String title(String language) {
        return "ru".equals(language) ? russian : english;
    }
}

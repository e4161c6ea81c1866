package io.aclens.access;

/**
 * The access level shown to people, derived from an effective mask. Ordered from least to most access
 * so that {@link #rank()} tells whether a change raised or lowered access.
 */
public enum Level {
    NONE("", "No access", "Нет доступа"),
    SPECIAL("S", "Special (a combination that matches no standard level)", "Особые разрешения (не совпадают ни с одним стандартным уровнем)"),
    WRITE("W", "Write without read", "Запись без чтения"),
    READ("R", "Read", "Чтение"),
    LIST_FOLDER("L", "List folder contents (read & execute, folders only)", "Список содержимого папки (чтение и выполнение, только папки)"),
    READ_EXECUTE("RX", "Read & execute", "Чтение и выполнение"),
    MODIFY("M", "Modify (read, change, delete)", "Изменение (чтение, изменение, удаление)"),
    FULL("F", "Full control", "Полный доступ");

    private final String code;
    private final String description;
    private final String russian;

    Level(String code, String description, String russian) {
        this.code = code;
        this.description = description;
        this.russian = russian;
    }

    /** The description in {@code ru} (Windows' own Russian names) or in English. */
    public String description(String language) {
        return "ru".equals(language) ? russian : description;
    }

    /** Short code for matrix cells. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public int rank() {
        return ordinal();
    }

    /** The level a mask grants on the folder itself; generic bits are mapped, SYNCHRONIZE is ignored. */
    public static Level fromMask(int rawMask) {
        int mask = AccessMask.mapGenericRights(rawMask) & ~AccessMask.SYNCHRONIZE;
        if (mask == 0) {
            return NONE;
        }
        if (AccessMask.includes(mask, AccessMask.FULL_CONTROL)) {
            return FULL;
        }
        if (AccessMask.includes(mask, AccessMask.MODIFY)) {
            return MODIFY;
        }
        if (AccessMask.includes(mask, AccessMask.READ_AND_EXECUTE)) {
            return READ_EXECUTE;
        }
        if (AccessMask.includes(mask, AccessMask.READ)) {
            return READ;
        }
        if (AccessMask.includes(mask, AccessMask.WRITE)) {
            return WRITE;
        }
        return SPECIAL;
    }

    public static Level fromCode(String code) {
        for (Level level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown level code '" + code + "'");
    }
}

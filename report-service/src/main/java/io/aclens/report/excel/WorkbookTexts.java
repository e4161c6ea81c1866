package io.aclens.report.excel;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import java.util.Locale;
import java.util.ResourceBundle;

/** The workbook's words in one language ({@code workbook/texts_<language>.properties}), levels included. */
public final class WorkbookTexts {
    public static final WorkbookTexts ENGLISH = new WorkbookTexts("en");

    private final String language;
    private final ResourceBundle bundle;

    private WorkbookTexts(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("workbook.texts", Locale.forLanguageTag(language), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code en} or {@code ru}. */
    public static WorkbookTexts of(String language) {
        return "ru".equals(language) ? new WorkbookTexts("ru") : ENGLISH;
    }

    public String language() {
        return language;
    }

    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : String.format(Locale.ROOT, text, args);
    }

    public String[] headers(String key, Object... args) {
        return get(key, args).split("\\|");
    }

    public String level(Level level) {
        return level.description(language);
    }

    public String kind(ChangeKind kind) {
        return get("kind." + kind.name());
    }

    public String cause(ChangeCause cause) {
        return get("cause." + cause.name());
    }
}

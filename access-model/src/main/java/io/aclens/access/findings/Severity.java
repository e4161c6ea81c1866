package io.aclens.access.findings;

/** How soon a finding should be dealt with; the order is the order of importance. */
public enum Severity {
    HIGH("high", "высокая"), MEDIUM("medium", "средняя"), LOW("low", "низкая");

    private final String english;
    private final String russian;

    Severity(String english, String russian) {
        this.english = english;
        this.russian = russian;
    }

    public String label(String language) {
        return "ru".equals(language) ? russian : english;
    }
}

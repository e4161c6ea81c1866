package io.aclens.access.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryStateTest {
    static final String DOMAIN = "S-1-5-21-1-2-3";
    static final String DOMAIN_USERS = DOMAIN + "-513";
    static final String FINANCE = DOMAIN + "-1101";
    static final String ACCOUNTING = DOMAIN + "-1102";
    static final String PETROVA = DOMAIN + "-1201";

    static DirectoryEntry user(String sid, String login, String fullName, boolean enabled, String... memberOf) {
        return new DirectoryEntry(sid, PrincipalKind.USER, login, login + "@corp.example", fullName, null, "Finance", null, enabled, null,
                DOMAIN_USERS, null, List.of(memberOf));
    }

    @Test
    void tokenHoldsNestedGroupsThePrimaryGroupAndBuiltinUsersThroughDomainUsers() {
        DirectoryState directory = new DirectoryState(List.of(
                DirectoryEntry.group(DOMAIN_USERS, "Domain Users", "global security", List.of()),
                DirectoryEntry.group(ACCOUNTING, "Accounting", "global security", List.of(FINANCE)),
                DirectoryEntry.group(FINANCE, "Finance-All", "domain local security", List.of(ACCOUNTING)),
                user(PETROVA, "petrova", "Анна Петрова", true, ACCOUNTING)));

        assertThat(directory.token(PETROVA).sids()).containsExactlyInAnyOrder(PETROVA, DOMAIN_USERS, ACCOUNTING, FINANCE,
                WellKnownSids.BUILTIN_USERS, WellKnownSids.EVERYONE, WellKnownSids.AUTHENTICATED_USERS, WellKnownSids.NETWORK);
        assertThat(directory.token(PETROVA).chainTo(FINANCE)).containsExactly(ACCOUNTING, FINANCE);
        assertThat(directory.findUser("PETROVA")).map(DirectoryEntry::sid).contains(PETROVA);
        assertThat(directory.findUser("petrova@corp.example")).map(DirectoryEntry::sid).contains(PETROVA);
        assertThat(directory.nameOf(FINANCE)).isEqualTo("Finance-All");
        assertThat(directory.resolves(DOMAIN + "-9999")).as("an orphaned SID").isFalse();
    }

    @Test
    void builtinUsersFollowsTheDirectoryWhenItDescribesTheGroup() {
        DirectoryState directory = new DirectoryState(List.of(
                DirectoryEntry.group(WellKnownSids.BUILTIN_USERS, "Users", "builtin local", List.of()),
                user(PETROVA, "petrova", "Анна Петрова", true)));

        assertThat(directory.token(PETROVA).contains(WellKnownSids.BUILTIN_USERS)).isFalse();
    }

    @Test
    void peopleAreTheEnabledUsersByName() {
        DirectoryState directory = new DirectoryState(List.of(
                user(DOMAIN + "-2", "zed", "Zoe Adams", true),
                user(DOMAIN + "-3", "left", "Gone Person", false),
                user(DOMAIN + "-4", "amy", "Amy Zane", true)));

        assertThat(directory.activeUsers()).extracting(DirectoryEntry::name).containsExactly("amy", "zed");
        assertThat(directory.users()).hasSize(3);
    }
}

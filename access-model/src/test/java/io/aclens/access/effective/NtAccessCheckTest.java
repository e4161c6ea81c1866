package io.aclens.access.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.Level;
import io.aclens.access.WellKnownSids;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NtAccessCheckTest {
    private static final String DOMAIN = "S-1-5-21-1004336348-1177238915-682003330";
    private static final String PETROVA = DOMAIN + "-1105";
    private static final String OTHER_USER = DOMAIN + "-1106";
    private static final String ACCOUNTING = DOMAIN + "-2001";
    private static final String FINANCE_ALL = DOMAIN + "-2002";
    private static final String DOMAIN_USERS = DOMAIN + "-513";
    private static final String ORPHAN = DOMAIN + "-9999";
    /** Petrova is in Accounting; Accounting is nested in Finance-All, which is nested back in Accounting (a cycle). */
    private static final Map<String, List<String>> MEMBER_OF = Map.of(
            PETROVA, List.of(ACCOUNTING),
            ACCOUNTING, List.of(FINANCE_ALL),
            FINANCE_ALL, List.of(ACCOUNTING));
    private static final AccessToken TOKEN = AccessToken.of(PETROVA, DOMAIN_USERS, sid -> MEMBER_OF.getOrDefault(sid, List.of()));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("canonical order: an explicit deny before an allow blocks those bits", OTHER_USER,
                        List.of(Ace.deny(ACCOUNTING, AccessMask.WRITE), Ace.allow(PETROVA, AccessMask.MODIFY)), Level.READ_EXECUTE),
                Arguments.of("an explicit allow before an inherited deny wins", OTHER_USER,
                        List.of(Ace.allow(PETROVA, AccessMask.MODIFY), Ace.deny(ACCOUNTING, AccessMask.WRITE, AceFlag.INHERITED)), Level.MODIFY),
                Arguments.of("rule 3: raw generic rights on an entry that applies to the folder grant nothing (Windows maps them when it writes the entry)",
                        OTHER_USER, List.of(Ace.allow(FINANCE_ALL, AccessMask.GENERIC_READ | AccessMask.GENERIC_EXECUTE)), Level.NONE),
                Arguments.of("rule 3: beside raw generic bits, the entry's file rights still count, through nested groups", OTHER_USER,
                        List.of(Ace.allow(FINANCE_ALL, AccessMask.GENERIC_ALL | AccessMask.FILE_GENERIC_READ)), Level.READ),
                Arguments.of("rule 3: a deny holding only raw generic bits denies nothing", OTHER_USER,
                        List.of(Ace.deny(PETROVA, AccessMask.GENERIC_ALL), Ace.allow(WellKnownSids.EVERYONE, AccessMask.MODIFY)), Level.MODIFY),
                Arguments.of("rule 3: an inherit-only entry keeps its generic bits for the children and grants nothing here", OTHER_USER,
                        List.of(Ace.allow(PETROVA, AccessMask.GENERIC_ALL, AceFlag.CONTAINER_INHERIT, AceFlag.INHERIT_ONLY)), Level.NONE),
                Arguments.of("inherit-only entries do not apply to the folder itself", OTHER_USER,
                        List.of(Ace.allow(PETROVA, AccessMask.FILE_ALL_ACCESS, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.INHERIT_ONLY)),
                        Level.NONE),
                Arguments.of("no-propagate entries still apply to the folder itself", OTHER_USER,
                        List.of(Ace.allow(PETROVA, AccessMask.FILE_GENERIC_READ, AceFlag.CONTAINER_INHERIT, AceFlag.NO_PROPAGATE)), Level.READ),
                Arguments.of("a CREATOR OWNER entry is a template for children, even for the owner", PETROVA,
                        List.of(Ace.allow(WellKnownSids.CREATOR_OWNER, AccessMask.FILE_ALL_ACCESS)), Level.SPECIAL),
                Arguments.of("the owner holds READ_CONTROL and WRITE_DAC implicitly", PETROVA, List.of(), Level.SPECIAL),
                Arguments.of("an OWNER RIGHTS entry replaces the owner's implicit rights", PETROVA,
                        List.of(Ace.allow(WellKnownSids.OWNER_RIGHTS, AccessMask.FILE_GENERIC_READ)), Level.READ),
                Arguments.of("a deny on a group the user is in, before Everyone's allow", OTHER_USER,
                        List.of(Ace.deny(FINANCE_ALL, AccessMask.DELETE), Ace.allow(WellKnownSids.EVERYONE, AccessMask.MODIFY)), Level.READ_EXECUTE),
                Arguments.of("Everyone includes every user", OTHER_USER, List.of(Ace.allow(WellKnownSids.EVERYONE, AccessMask.FILE_GENERIC_READ)), Level.READ),
                Arguments.of("an orphaned SID grants nobody", OTHER_USER, List.of(Ace.allow(ORPHAN, AccessMask.FILE_ALL_ACCESS)), Level.NONE),
                Arguments.of("the primary group counts although no member attribute lists it", OTHER_USER,
                        List.of(Ace.allow(DOMAIN_USERS, AccessMask.FILE_GENERIC_READ)), Level.READ),
                Arguments.of("a deny after an allow does not take back what was granted", OTHER_USER,
                        List.of(Ace.allow(ACCOUNTING, AccessMask.MODIFY), Ace.deny(PETROVA, AccessMask.FILE_ALL_ACCESS)), Level.MODIFY),
                Arguments.of("allows add up across the user's groups", OTHER_USER,
                        List.of(Ace.allow(ACCOUNTING, AccessMask.READ_AND_EXECUTE), Ace.allow(FINANCE_ALL, AccessMask.WRITE | AccessMask.DELETE)), Level.MODIFY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(String rule, String owner, List<Ace> dacl, Level expected) {
        assertThat(NtAccessCheck.evaluate(owner, dacl, TOKEN).level()).as(rule).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void rule3AnEntryWithRawGenericBitsIsNamedAsGrantingNothing() {
        EffectiveAccess access = NtAccessCheck.evaluate(OTHER_USER, List.of(Ace.allow(ACCOUNTING, AccessMask.GENERIC_READ)), TOKEN);

        assertThat(access.level()).isEqualTo(Level.NONE);
        assertThat(access.inert()).containsExactly(new AccessPath(ACCOUNTING, List.of(ACCOUNTING), AccessMask.GENERIC_READ, false));
        assertThat(AccessExplanation.describe("\\\\fs1\\share", access, sid -> sid.equals(ACCOUNTING) ? "Accounting" : sid, path -> null))
                .containsExactly("No access via Accounting (allow, explicit): holds GENERIC_READ unmapped: grants nothing here");
    }

    @org.junit.jupiter.api.Test
    void nullDaclGrantsEveryoneFullControl() {
        assertThat(NtAccessCheck.evaluate(OTHER_USER, null, TOKEN).level()).isEqualTo(Level.FULL);
    }

    @org.junit.jupiter.api.Test
    void cellsNameTheirAccessPathThroughNestedGroups() {
        EffectiveAccess access = NtAccessCheck.evaluate(OTHER_USER, List.of(
                Ace.allow(FINANCE_ALL, AccessMask.READ_AND_EXECUTE, AceFlag.INHERITED), Ace.allow(PETROVA, AccessMask.WRITE | AccessMask.DELETE)), TOKEN);

        assertThat(access.level()).isEqualTo(Level.MODIFY);
        assertThat(access.paths()).containsExactly(
                new AccessPath(FINANCE_ALL, List.of(ACCOUNTING, FINANCE_ALL), AccessMask.READ_AND_EXECUTE, true),
                new AccessPath(PETROVA, List.of(), AccessMask.WRITE | AccessMask.DELETE, false));
        assertThat(TOKEN.sids()).as("nesting cycles terminate").contains(ACCOUNTING, FINANCE_ALL, DOMAIN_USERS, WellKnownSids.EVERYONE,
                WellKnownSids.AUTHENTICATED_USERS);
    }
}

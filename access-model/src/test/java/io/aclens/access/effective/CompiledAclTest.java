package io.aclens.access.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.AceType;
import io.aclens.access.WellKnownSids;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The matrix's compiled ACLs grant exactly what the full access checks grant, on Windows ACLs and POSIX ones alike. */
class CompiledAclTest {
    private static final String DOMAIN = "S-1-5-21-1-2-3-";
    private static final List<String> WINDOWS_SIDS = List.of(DOMAIN + "1001", DOMAIN + "1002", DOMAIN + "2001", DOMAIN + "2002",
            DOMAIN + "2003", WellKnownSids.EVERYONE, WellKnownSids.AUTHENTICATED_USERS, WellKnownSids.OWNER_RIGHTS,
            WellKnownSids.CREATOR_OWNER, "S-1-5-32-545");
    private static final List<String> POSIX_SIDS = List.of(WellKnownSids.UNIX_USER_PREFIX + "1001", WellKnownSids.UNIX_USER_PREFIX + "1002",
            WellKnownSids.UNIX_GROUP_PREFIX + "2001", WellKnownSids.UNIX_GROUP_PREFIX + "2002", WellKnownSids.UNIX_GROUP_PREFIX + "2003",
            WellKnownSids.EVERYONE, WellKnownSids.CREATOR_OWNER);
    private static final int[] MASKS = {AccessMask.FULL_CONTROL, AccessMask.MODIFY, AccessMask.READ, AccessMask.GENERIC_ALL,
            AccessMask.GENERIC_READ | AccessMask.READ, AccessMask.WRITE_DAC, AccessMask.FILE_GENERIC_READ, 0x1301BF, 0x1200A9};

    @Test
    void windowsAclsGiveWhatTheWindowsCheckGives() {
        compareOnRandomAcls(new SplittableRandom(2026), WINDOWS_SIDS, DOMAIN, true);
    }

    @Test
    void posixAclsGiveWhatThePosixCheckGives() {
        compareOnRandomAcls(new SplittableRandom(1003), POSIX_SIDS, WellKnownSids.UNIX_USER_PREFIX, false);
    }

    @Test
    void aNullDaclGrantsEverythingAndAnEmptyOneNothing() {
        AccessToken token = AccessToken.of(DOMAIN + "1001", null, sid -> List.of());
        assertThat(CompiledAcl.of(DOMAIN + "1002", null).mask(token)).isEqualTo(AccessMask.FILE_ALL_ACCESS);
        assertThat(CompiledAcl.of(DOMAIN + "1002", List.of()).mask(token)).isZero();
    }

    private static void compareOnRandomAcls(SplittableRandom random, List<String> sids, String userPrefix, boolean withDenies) {
        List<AccessToken> tokens = tokens(random, sids, userPrefix);
        int posix = 0;
        for (int round = 0; round < 3_000; round++) {
            // mostly owned by a user, as folders are; sometimes by anything (a POSIX ACL owned by a group is checked as Windows')
            String owner = random.nextInt(5) > 0 ? userPrefix + (1001 + random.nextInt(2)) : sids.get(random.nextInt(sids.size()));
            List<Ace> dacl = new ArrayList<>();
            for (int i = random.nextInt(9); i > 0; i--) {
                Set<AceFlag> flags = EnumSet.noneOf(AceFlag.class);
                for (AceFlag flag : AceFlag.values()) {
                    if (random.nextInt(4) == 0) {
                        flags.add(flag);
                    }
                }
                AceType type = withDenies && random.nextInt(4) == 0 ? AceType.DENY : AceType.ALLOW;
                dacl.add(new Ace(type, sids.get(random.nextInt(sids.size())), MASKS[random.nextInt(MASKS.length)], flags));
            }
            AccessCheck check = AccessCheck.of(owner, dacl);
            posix += check == AccessCheck.POSIX ? 1 : 0;
            CompiledAcl compiled = CompiledAcl.of(owner, dacl);
            for (AccessToken token : tokens) {
                assertThat(compiled.mask(token)).as("%s owned by %s for %s", dacl, owner, token.sids())
                        .isEqualTo(check.evaluate(owner, dacl, token).folderMask());
            }
        }
        if (withDenies) {
            assertThat(posix).as("Windows ACLs are never checked by POSIX rules").isZero();
        } else {
            assertThat(posix).as("most POSIX ACLs are checked by POSIX rules").isGreaterThan(1_500);
        }
    }

    /** Every user of the SIDs, each in a random set of the groups (nested once), one of them also in a group it owns. */
    private static List<AccessToken> tokens(SplittableRandom random, List<String> sids, String userPrefix) {
        List<String> users = sids.stream().filter(sid -> sid.startsWith(userPrefix) && sid.compareTo(userPrefix + "2") < 0).toList();
        List<String> groups = sids.stream().filter(sid -> !users.contains(sid)).toList();
        List<AccessToken> tokens = new ArrayList<>();
        for (String user : users) {
            for (int variant = 0; variant < 4; variant++) {
                Map<String, List<String>> memberOf = new HashMap<>();
                memberOf.put(user, groups.stream().filter(g -> random.nextBoolean()).toList());
                memberOf.put(groups.get(random.nextInt(groups.size())), List.of(groups.get(random.nextInt(groups.size()))));
                tokens.add(AccessToken.of(user, null, sid -> memberOf.getOrDefault(sid, List.of())));
            }
        }
        return tokens;
    }
}

package io.aclens.access.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.Level;
import io.aclens.access.WellKnownSids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EffectiveMatrixTest {

    @Test
    void sharedEvaluationsAgreeWithEvaluatingEveryCellDirectly() {
        SplittableRandom random = new SplittableRandom(11);
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < 12; g++) {
            groups.add("S-1-5-21-7-7-7-" + (3000 + g));
        }
        Map<String, List<String>> memberOf = new HashMap<>();
        for (int g = 0; g < groups.size() - 1; g++) {
            memberOf.put(groups.get(g), List.of(groups.get(g + 1 + random.nextInt(groups.size() - g - 1))));
        }
        List<AccessToken> users = new ArrayList<>();
        for (int u = 0; u < 40; u++) {
            String user = "S-1-5-21-7-7-7-" + (1000 + u);
            memberOf.put(user, List.of(groups.get(random.nextInt(groups.size())), groups.get(random.nextInt(groups.size()))));
            users.add(AccessToken.of(user, null, sid -> memberOf.getOrDefault(sid, List.of())));
        }
        int[] masks = {AccessMask.FILE_GENERIC_READ, AccessMask.MODIFY, AccessMask.FILE_ALL_ACCESS, AccessMask.WRITE, AccessMask.DELETE};
        List<EffectiveMatrix.Acl> acls = new ArrayList<>();
        for (int a = 0; a < 60; a++) {
            List<Ace> dacl = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                String sid = random.nextInt(5) == 0 ? users.get(random.nextInt(users.size())).userSid()
                        : random.nextInt(8) == 0 ? WellKnownSids.EVERYONE : groups.get(random.nextInt(groups.size()));
                int mask = masks[random.nextInt(masks.length)];
                AceFlag[] flags = random.nextInt(6) == 0 ? new AceFlag[]{AceFlag.INHERIT_ONLY, AceFlag.OBJECT_INHERIT} : new AceFlag[0];
                dacl.add(random.nextInt(4) == 0 ? Ace.deny(sid, mask, flags) : Ace.allow(sid, mask, flags));
            }
            String owner = random.nextBoolean() ? users.get(random.nextInt(users.size())).userSid() : WellKnownSids.BUILTIN_ADMINISTRATORS;
            acls.add(new EffectiveMatrix.Acl(owner, dacl));
        }
        int[] folderAcl = new int[500];
        for (int f = 0; f < folderAcl.length; f++) {
            folderAcl[f] = random.nextInt(acls.size());
        }

        EffectiveMatrix matrix = new EffectiveMatrix(acls, folderAcl, users);

        for (AccessToken user : users) {
            long readable = 0;
            for (int f = 0; f < folderAcl.length; f++) {
                EffectiveMatrix.Acl acl = acls.get(folderAcl[f]);
                Level direct = NtAccessCheck.evaluate(acl.ownerSid(), acl.dacl(), user).level();
                assertThat(matrix.level(user.userSid(), f)).as("user %s folder %d", user.userSid(), f).isEqualTo(direct);
                readable += direct.rank() >= Level.READ.rank() ? 1 : 0;
            }
            assertThat(matrix.readableFolders(user.userSid())).isEqualTo(readable);
        }
        assertThat(matrix.distinctGroupSets()).isLessThanOrEqualTo(users.size());
    }
}

package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AclHashTest {

    @Test
    void equalDaclsHashEqualAndAnyDifferenceChangesTheHash() {
        List<Ace> dacl = List.of(Ace.allow("S-1-1-0", AccessMask.READ), Ace.deny("S-1-22-1-5", AccessMask.WRITE, AceFlag.INHERITED));

        assertThat(AclHash.of(dacl)).isEqualTo(AclHash.of(List.copyOf(dacl))).hasSize(32);
        assertThat(AclHash.of(dacl)).isNotEqualTo(AclHash.of(List.of(dacl.get(1), dacl.get(0))));
        assertThat(AclHash.of(dacl)).isNotEqualTo(AclHash.of(List.of(dacl.get(0), Ace.deny("S-1-22-1-5", AccessMask.WRITE))));
    }
}

package io.aclens.access.nt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.Level;
import io.aclens.access.PrincipalLevels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SddlTest {
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-1004336348-1177238915-682003330");

    @Test
    void typicalWindowsFolderDescriptor() {
        SecurityDescriptor sd = Sddl.parse("O:BAG:SYD:PAI(A;OICIID;FA;;;BA)(A;OICIID;FA;;;SY)(A;OICIIOID;GA;;;CO)"
                + "(A;OICIID;0x1200a9;;;BU)(A;CIID;LC;;;BU)(A;CIID;DC;;;BU)");

        assertThat(sd.ownerSid()).isEqualTo("S-1-5-32-544");
        assertThat(sd.groupSid()).isEqualTo("S-1-5-18");
        assertThat(sd.inheritanceProtected()).isTrue();
        assertThat(sd.control()).contains(SecurityDescriptor.Control.DACL_AUTO_INHERITED);
        assertThat(sd.dacl()).hasSize(6);
        assertThat(sd.dacl().get(2)).isEqualTo(Ace.allow("S-1-3-0", AccessMask.GENERIC_ALL,
                AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.INHERIT_ONLY, AceFlag.INHERITED));
        assertThat(PrincipalLevels.of(sd.dacl())).containsEntry("S-1-5-32-544", Level.FULL)
                .containsEntry("S-1-5-32-545", Level.READ_EXECUTE).doesNotContainKey("S-1-3-0");
    }

    @Test
    void microsoftDocumentationExampleWithDomainRelativeAliases() {
        // "Security Descriptor String Format": O:AOG:DAD:(A;;RPWPCCDCLCSWRCWDWOGA;;;S-1-0-0)
        SecurityDescriptor sd = Sddl.parse("O:AOG:DAD:(A;;RPWPCCDCLCSWRCWDWOGA;;;S-1-0-0)", DOMAIN);

        assertThat(sd.ownerSid()).isEqualTo("S-1-5-32-548");
        assertThat(sd.groupSid()).isEqualTo(DOMAIN.child(512).toString());
        assertThat(sd.dacl().get(0).mask()).isEqualTo(0x10000000 | 0x80000 | 0x40000 | 0x20000 | 0x3F);
        assertThatThrownBy(() -> Sddl.parse("O:AOG:DAD:(A;;GA;;;WD)")).hasMessageContaining("give the domain SID");
    }

    @Test
    void denyNoPropagateAndGenericRights() {
        SecurityDescriptor sd = Sddl.parse("D:(D;OICINP;WDWO;;;WD)(A;;GRGX;;;AU)(A;OICI;0x1301BF;;;S-1-5-21-1-2-3-1104)");

        assertThat(sd.dacl().get(0)).isEqualTo(Ace.deny("S-1-1-0", AccessMask.WRITE_DAC | AccessMask.WRITE_OWNER,
                AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.NO_PROPAGATE));
        assertThat(PrincipalLevels.of(sd.dacl())).containsEntry("S-1-5-11", Level.READ_EXECUTE)
                .containsEntry("S-1-5-21-1-2-3-1104", Level.MODIFY);
        assertThat(sd.ownerSid()).isNull();
    }

    @Test
    void nullDaclMeansEveryoneFullControlAndEmptyMeansNoOne() {
        SecurityDescriptor open = Sddl.parse("O:SYD:NO_ACCESS_CONTROL");
        SecurityDescriptor closed = Sddl.parse("O:SYD:P");

        assertThat(open.dacl()).isNull();
        assertThat(PrincipalLevels.of(open.effectiveDacl())).containsEntry("S-1-1-0", Level.FULL);
        assertThat(closed.dacl()).isEmpty();
        assertThat(Sddl.write(open)).isEqualTo("O:SYD:NO_ACCESS_CONTROL");
        assertThat(Sddl.hasNullDacl("O:SYD:NO_ACCESS_CONTROL")).isTrue();
        assertThat(Sddl.hasNullDacl("O:DAG:DDD:PAINO_ACCESS_CONTROL")).as("after aliases ending in D, and flags").isTrue();
        assertThat(Sddl.hasNullDacl("O:SYD:P")).isFalse();
        assertThat(Sddl.hasNullDacl("O:SYD:(A;;FA;;;WD)")).isFalse();
        assertThat(Sddl.hasNullDacl(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "O:BAG:SYD:PAI(A;OICIID;FA;;;BA)(A;OICIIOID;GA;;;CO)(A;OICIID;0x1200a9;;;BU)",
            "O:S-1-5-21-1004336348-1177238915-682003330-1000G:DUD:AI(D;OICI;0x116;;;S-1-5-21-1004336348-1177238915-682003330-1105)(A;;FR;;;WD)",
            "D:(A;CI;0x1200a9;;;S-1-22-2-1000)(A;OICINPIO;FX;;;IU)",
    })
    void writeThenParseGivesTheSameDescriptor(String sddl) {
        SecurityDescriptor sd = Sddl.parse(sddl, DOMAIN);

        String written = Sddl.write(sd, DOMAIN);

        assertThat(Sddl.parse(written, DOMAIN)).isEqualTo(sd);
        assertThat(written).isEqualTo(sddl);
    }

    @Test
    void aceKindsAFolderDaclCannotHoldAreRefusedWithTheirPosition() {
        assertThatThrownBy(() -> Sddl.parse("D:(A;;FA;;;BA)(OA;;CR;ab721a53-1e2f-11d0-9819-00aa0040529b;;WD)"))
                .isInstanceOf(SddlException.class).hasMessageContaining("ACE 2").hasMessageContaining("object or callback ACE")
                .hasMessageContaining("offset 14");
        assertThatThrownBy(() -> Sddl.parse("D:(AU;SA;FA;;;WD)")).hasMessageContaining("belongs in a SACL");
        assertThatThrownBy(() -> Sddl.parse("D:(A;SA;FA;;;WD)")).hasMessageContaining("flag 'SA'");
        assertThatThrownBy(() -> Sddl.parse("D:(A;;FA;;;XX)")).hasMessageContaining("Unknown SID alias 'XX'");
        assertThatThrownBy(() -> Sddl.parse("D:(A;;QQ;;;WD)")).hasMessageContaining("unknown right 'QQ'");
        assertThatThrownBy(() -> Sddl.parse("D:(A;;FA;;WD)")).hasMessageContaining("has 5 fields");
        assertThatThrownBy(() -> Sddl.parse("D:(A;;FA;;;WD")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Sddl.parse("O:BA")).hasMessageContaining("No DACL");
    }

    @Test
    void saclIsSkipped() {
        SecurityDescriptor sd = Sddl.parse("O:BAD:(A;;FA;;;BA)S:AI(AU;SAFA;FA;;;WD)");

        assertThat(sd.dacl()).containsExactly(Ace.allow("S-1-5-32-544", AccessMask.FILE_ALL_ACCESS));
    }
}

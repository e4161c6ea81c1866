package io.aclens.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import io.aclens.access.WellKnownSids;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import java.util.List;
import org.junit.jupiter.api.Test;

class LdapDirectoryReaderTest {
    private static final String BASE = "dc=example,dc=org";

    @Test
    void inetOrgPeoplePosixAccountsGroupsOfNamesAndPosixGroups() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        try (LDAPConnection connection = server.getConnection()) {
            server.add("dn: " + BASE, "objectClass: domain", "dc: example");
            server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
            server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
            server.add("dn: uid=petrova,ou=people," + BASE, "objectClass: inetOrgPerson", "objectClass: posixAccount", "uid: petrova",
                    "cn: Анна Петрова", "departmentNumber: Finance", "mail: petrova@example.org", "uidNumber: 3001", "gidNumber: 4000");
            server.add("dn: uid=locked,ou=people," + BASE, "objectClass: inetOrgPerson", "objectClass: posixAccount", "uid: locked",
                    "cn: Locked Out", "uidNumber: 3002", "gidNumber: 4000", "pwdAccountLockedTime: 20260101000000Z");
            server.add("dn: uid=samba,ou=people," + BASE, "objectClass: inetOrgPerson", "objectClass: sambaSamAccount", "uid: samba",
                    "cn: Samba User", "sambaSID: S-1-5-21-5-5-5-1001");
            server.add("dn: uid=noid,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: noid", "cn: No Id");
            server.add("dn: cn=staff,ou=groups," + BASE, "objectClass: posixGroup", "cn: staff", "gidNumber: 4000");
            server.add("dn: cn=finance,ou=groups," + BASE, "objectClass: posixGroup", "cn: finance", "gidNumber: 4001", "memberUid: petrova");
            server.add("dn: cn=finance-all,ou=groups," + BASE, "objectClass: groupOfNames", "objectClass: posixGroup", "cn: finance-all",
                    "gidNumber: 4002", "member: cn=finance,ou=groups," + BASE, "member: uid=samba,ou=people," + BASE);

            DirectoryState state = new DirectoryState(new LdapDirectoryReader(connection, BASE, 100).read());

            assertThat(state.users()).extracting(DirectoryEntry::name).containsExactlyInAnyOrder("petrova", "locked", "samba");
            DirectoryEntry petrova = state.findUser("petrova").orElseThrow();
            assertThat(petrova.sid()).isEqualTo(WellKnownSids.unixUser(3001));
            assertThat(petrova.fullName()).isEqualTo("Анна Петрова");
            assertThat(petrova.department()).isEqualTo("Finance");
            assertThat(state.token(petrova.sid()).sids()).contains(WellKnownSids.unixGroup(4000), WellKnownSids.unixGroup(4001),
                    WellKnownSids.unixGroup(4002));
            assertThat(state.findUser("locked").orElseThrow().enabled()).isFalse();
            assertThat(state.token("S-1-5-21-5-5-5-1001").contains(WellKnownSids.unixGroup(4002))).as("sambaSID").isTrue();
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void anIdThatIsNotOneIsRefusedNamingTheEntryAndTheAttribute() throws Exception {
        Entry person = new Entry("dn: uid=eve," + BASE, "objectClass: posixAccount", "uid: eve", "uidNumber: 10-01");
        Entry samba = new Entry("dn: uid=sam," + BASE, "objectClass: inetOrgPerson", "uid: sam", "sambaSID: S-1-5-21-x");
        Entry group = new Entry("dn: cn=g," + BASE, "objectClass: posixGroup", "cn: g", "gidNumber: 4294967296");

        assertThatThrownBy(() -> LdapDirectoryReader.entries(List.of(person), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Entry uid=eve,dc=example,dc=org: uidNumber '10-01' is not a Unix id");
        assertThatThrownBy(() -> LdapDirectoryReader.entries(List.of(samba), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Entry uid=sam,dc=example,dc=org: sambaSID 'S-1-5-21-x' is not a SID");
        assertThatThrownBy(() -> LdapDirectoryReader.entries(List.of(), List.of(group)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gidNumber '4294967296' is not a Unix id");
        assertThat(LdapDirectoryReader.entries(List.of(new Entry("dn: uid=ok," + BASE, "uid: ok", "uidNumber: 007")), List.of()))
                .extracting(DirectoryEntry::sid).containsExactly(WellKnownSids.UNIX_USER_PREFIX + "7");
    }
}

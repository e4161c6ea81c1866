package io.aclens.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.Level;
import io.aclens.access.effective.AccessToken;
import io.aclens.access.effective.NtAccessCheck;
import io.aclens.access.nt.Sid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActiveDirectoryReaderTest {
    private static final String BASE = "DC=contoso,DC=local";
    private static final String DOMAIN = "S-1-5-21-1004336348-1177238915-682003330";
    private static final int STAFF = 1200;
    private static final String FOREIGN = "S-1-5-21-99-99-99-1234";

    private final AtomicInteger userPages = new AtomicInteger();
    private InMemoryDirectoryServer server;

    /** Answers large member attributes in slices, as AD does ("member;range=0-499", then "member;range=500-*"). */
    private final class AdLikeServer extends InMemoryOperationInterceptor {
        private static final int SLICE = 500;
        private static final String MARK = "x-aclens-range-start-";

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
            SearchRequest search = request.getRequest().duplicate();
            if (search.getFilter().toString().contains("(!(objectClass=computer))")) {
                userPages.incrementAndGet();
            }
            List<String> attributes = new ArrayList<>();
            for (String attribute : search.getAttributeList()) {
                if (attribute.toLowerCase().startsWith("member;range=")) {
                    attributes.add("member");
                    attributes.add(MARK + attribute.substring(13, attribute.indexOf('-', 13)));
                } else {
                    attributes.add(attribute);
                }
            }
            search.setAttributes(attributes);
            request.setRequest(search);
        }

        @Override
        public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
            SearchResultEntry entry = result.getSearchEntry();
            Attribute member = entry.getAttribute("member");
            if (member == null || member.size() <= SLICE) {
                return;
            }
            int start = result.getRequest().getAttributeList().stream().filter(a -> a.startsWith(MARK))
                    .map(a -> Integer.parseInt(a.substring(MARK.length()))).findFirst().orElse(0);
            String[] values = member.getValues();
            int end = Math.min(start + SLICE, values.length);
            Entry sliced = entry.duplicate();
            sliced.removeAttribute("member");
            sliced.addAttribute(new Attribute("member;range=" + start + "-" + (end == values.length ? "*" : String.valueOf(end - 1)),
                    Arrays.copyOfRange(values, start, end)));
            result.setSearchEntry(sliced);
        }
    }

    private static Attribute sid(long rid) {
        return new Attribute("objectSid", Sid.parse(DOMAIN + "-" + rid).toBytes());
    }

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null); // AD attributes (objectSid, sAMAccountName, …) are not in the standard schema
        config.addInMemoryOperationInterceptor(new AdLikeServer());
        server = new InMemoryDirectoryServer(config);
        server.add(new Entry(BASE, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "contoso")));
        server.add(new Entry("OU=Staff," + BASE, new Attribute("objectClass", "organizationalUnit"), new Attribute("ou", "Staff")));
        List<String> staff = new ArrayList<>();
        for (int i = 0; i < STAFF; i++) {
            String dn = "CN=user" + i + ",OU=Staff," + BASE;
            staff.add(dn);
            server.add(new Entry(dn, new Attribute("objectClass", "top", "person", "user"), sid(5000 + i),
                    new Attribute("sAMAccountName", "user" + i), new Attribute("userAccountControl", "512"),
                    new Attribute("primaryGroupID", "513")));
        }
        server.add(new Entry("CN=Мария Петрова,OU=Staff," + BASE, new Attribute("objectClass", "top", "person", "user"), sid(1105),
                new Attribute("sAMAccountName", "petrova"), new Attribute("userPrincipalName", "petrova@contoso.local"),
                new Attribute("displayName", "Мария Петрова"), new Attribute("department", "Бухгалтерия"),
                new Attribute("userAccountControl", "512"), new Attribute("primaryGroupID", "513"),
                new Attribute("lastLogonTimestamp", "134080000000000000")));
        server.add(new Entry("CN=Old Employee,OU=Staff," + BASE, new Attribute("objectClass", "top", "person", "user"), sid(1106),
                new Attribute("sAMAccountName", "old.employee"), new Attribute("userAccountControl", "514"),
                new Attribute("primaryGroupID", "513")));
        server.add(new Entry("CN=FS1,OU=Staff," + BASE, new Attribute("objectClass", "top", "person", "user", "computer"), sid(1500),
                new Attribute("sAMAccountName", "FS1$")));
        server.add(new Entry("CN=Domain Users," + BASE, new Attribute("objectClass", "top", "group"), sid(513),
                new Attribute("sAMAccountName", "Domain Users"), new Attribute("groupType", "-2147483646")));
        server.add(new Entry("CN=Accounting," + BASE, new Attribute("objectClass", "top", "group"), sid(2001),
                new Attribute("sAMAccountName", "Accounting"), new Attribute("groupType", "-2147483646"),
                new Attribute("member", "CN=Мария Петрова,OU=Staff," + BASE, "CN=Finance-All," + BASE)));
        server.add(new Entry("CN=Finance-All," + BASE, new Attribute("objectClass", "top", "group"), sid(2002),
                new Attribute("sAMAccountName", "Finance-All"), new Attribute("groupType", "-2147483644"),
                new Attribute("member", "CN=Accounting," + BASE, "CN=" + FOREIGN + ",CN=ForeignSecurityPrincipals," + BASE)));
        server.add(new Entry("CN=All Staff," + BASE, new Attribute("objectClass", "top", "group"), sid(2003),
                new Attribute("sAMAccountName", "All Staff"), new Attribute("groupType", "-2147483640"), new Attribute("member", staff)));
        server.startListening();
    }

    @AfterEach
    void stop() {
        server.shutDown(true);
    }

    @Test
    void readsUsersGroupsAndNestedMembershipLikeActiveDirectoryServesThem() throws Exception {
        Directory directory;
        try (LDAPConnection connection = server.getConnection()) {
            directory = new ActiveDirectoryReader(connection, BASE, 1000).read();
        }

        assertThat(directory.users()).as("people, not computers").hasSize(STAFF + 2);
        assertThat(userPages.get()).as("paged: AD returns at most 1,000 entries a page").isGreaterThanOrEqualTo(2);
        DirectoryUser petrova = directory.user(DOMAIN + "-1105").orElseThrow();
        assertThat(petrova.fullName()).isEqualTo("Мария Петрова");
        assertThat(petrova.department()).isEqualTo("Бухгалтерия");
        assertThat(petrova.enabled()).isTrue();
        assertThat(petrova.primaryGroupSid()).isEqualTo(DOMAIN + "-513");
        assertThat(petrova.lastLogon()).isNotNull();
        assertThat(directory.user(DOMAIN + "-1106").orElseThrow().enabled()).as("userAccountControl 514 is disabled").isFalse();
        assertThat(directory.groups().stream().filter(g -> g.name().equals("All Staff")).findFirst().orElseThrow().memberDns())
                .as("ranged retrieval collects every slice").hasSize(STAFF);

        AccessToken token = directory.state().token(DOMAIN + "-1105");
        assertThat(token.sids()).as("transitive, cycle-safe, primary group included")
                .contains(DOMAIN + "-2001", DOMAIN + "-2002", DOMAIN + "-513").doesNotContain(DOMAIN + "-2003");
        assertThat(token.chainTo(DOMAIN + "-2002")).containsExactly(DOMAIN + "-2001", DOMAIN + "-2002");
        assertThat(directory.directGroups(FOREIGN)).as("a foreign security principal keeps its SID").containsExactly(DOMAIN + "-2002");
        assertThat(directory.directGroups(DOMAIN + "-5000")).containsExactly(DOMAIN + "-2003");
        assertThat(NtAccessCheck.evaluate(null, List.of(Ace.allow(DOMAIN + "-2002", AccessMask.MODIFY)), token).level())
                .as("a folder granted to Finance-All is modifiable by Petrova through Accounting").isEqualTo(Level.MODIFY);
        assertThat(directory.state().principal(DOMAIN + "-2001").orElseThrow().name()).isEqualTo("Accounting");
    }

    @Test
    void distributionGroupsExpiredAccountsAndTheDomainControllersBuiltinGroups() throws Exception {
        server.add(new Entry("CN=Newsletter," + BASE, new Attribute("objectClass", "top", "group"), sid(2100),
                new Attribute("sAMAccountName", "Newsletter"), new Attribute("groupType", "8"), // universal distribution
                new Attribute("member", "CN=Мария Петрова,OU=Staff," + BASE)));
        server.add(new Entry("CN=Contractor,OU=Staff," + BASE, new Attribute("objectClass", "top", "person", "user"), sid(1107),
                new Attribute("sAMAccountName", "contractor"), new Attribute("userAccountControl", "512"),
                new Attribute("primaryGroupID", "1300"), new Attribute("accountExpires", "133000000000000000"))); // 2022-06
        server.add(new Entry("CN=Builtin," + BASE, new Attribute("objectClass", "top", "builtinDomain")));
        server.add(new Entry("CN=Users,CN=Builtin," + BASE, new Attribute("objectClass", "top", "group"),
                new Attribute("objectSid", Sid.parse("S-1-5-32-545").toBytes()), new Attribute("sAMAccountName", "Users"),
                new Attribute("groupType", "-2147483643"), new Attribute("member", "CN=Domain Users," + BASE,
                        "CN=S-1-5-11,CN=ForeignSecurityPrincipals," + BASE, "CN=S-1-5-4,CN=ForeignSecurityPrincipals," + BASE)));
        Directory directory;
        try (LDAPConnection connection = server.getConnection()) {
            directory = new ActiveDirectoryReader(connection, BASE, 1000).read();
        }
        io.aclens.access.directory.DirectoryState state = new io.aclens.access.directory.DirectoryState(directory.entries(),
                java.time.Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(state.entry(DOMAIN + "-2100").orElseThrow().distribution()).as("groupType without 0x80000000").isTrue();
        assertThat(state.entry(DOMAIN + "-2001").orElseThrow().distribution()).isFalse();
        assertThat(state.token(DOMAIN + "-1105").contains(DOMAIN + "-2100")).as("a distribution group never enters a token").isFalse();
        assertThat(state.serverGroupsOrigin()).isEqualTo(io.aclens.access.directory.DirectoryState.ServerGroupsOrigin.DIRECTORY);
        assertThat(state.token(DOMAIN + "-1107").chainTo("S-1-5-32-545")).as("outside Domain Users, in BUILTIN\\Users through Authenticated Users")
                .containsExactly("S-1-5-11", "S-1-5-32-545");
        assertThat(state.entry(DOMAIN + "-1107").orElseThrow().accountExpires()).isEqualTo(java.time.Instant.parse("2022-06-18T04:26:40Z"));
        assertThat(state.isActiveUser(DOMAIN + "-1107")).as("accountExpires in the past").isFalse();
        assertThat(state.isActiveUser(DOMAIN + "-1105")).isTrue();
    }
}

package io.aclens.cli.fuzz;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import io.aclens.access.nt.IcaclsParser;
import io.aclens.agent.AgentUploadReader;
import io.aclens.access.nt.Sddl;
import io.aclens.access.nt.SddlException;
import io.aclens.access.nt.Sid;
import io.aclens.directory.ActiveDirectoryEntries;
import io.aclens.directory.LdapDirectoryReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Mutation fuzzing of the parsers that read what clients send (SDDL, binary SIDs, icacls exports, the agent's NDJSON
 * uploads, Active Directory and plain LDAP entries as LDIF): seeds from real
 * exports are flipped, cut, spliced and repeated, and every input must either parse or be refused with an
 * IllegalArgumentException that says where (a positioned, clean error). Anything else — another exception, a
 * StackOverflowError, an OutOfMemoryError — is a finding, kept with the input that caused it.
 */
public final class ParserFuzzer {
    /** A parser under test: it accepts the input or refuses it with an IllegalArgumentException. */
    public record Target(String name, List<String> seeds, Consumer<String> parser) {
    }

    /** An input a parser failed on in a way it must not. */
    public record Finding(String target, String input, Throwable failure) {
    }

    public static final List<Target> TARGETS = List.of(
            new Target("sddl", List.of(
                    "O:BAG:SYD:PAI(A;OICI;FA;;;BA)(D;OICI;0x116;;;S-1-5-21-1-2-3-1105)(A;OICIIO;0x1301bf;;;S-1-5-21-1-2-3-2001)",
                    "D:AI(A;OICIID;FA;;;SY)(A;OICIID;0x1200a9;;;BU)(A;;GR;;;WD)", "O:S-1-22-1-0G:S-1-22-2-0D:NO_ACCESS_CONTROL",
                    "D:P(OA;;CR;ab721a53-1e2f-11d0-9819-00aa0040529b;;WD)"), Sddl::parse),
            new Target("binary-sid", List.of("AQUAAAAAAAUVAAAA3KKdO4N0KUZCR6MpUQQAAA==", "AQEAAAAAAAEAAAAA", "AQIAAAAAAAUgAAAAIQIAAA=="),
                    text -> Sid.fromBytes(decode(text))),
            new Target("icacls", List.of(String.join("\r\n",
                    "D:\\Общие\\Бухгалтерия BUILTIN\\Администраторы:(OI)(CI)(F)",
                    "                      КОМПАНИЯ\\Бухгалтерия:(OI)(CI)(M)",
                    "                      КОМПАНИЯ\\Иванова Анна:(DENY)(W)",
                    "                      Все:(OI)(CI)(RX)", "",
                    "D:\\Общие\\Бухгалтерия\\Зарплата КОМПАНИЯ\\Бухгалтерия:(I)(OI)(CI)(M)", "",
                    "D:\\Общие\\Закрыто: Отказано в доступе.",
                    "Успешно обработано 2 файлов; не удалось обработать 1 файлов", ""),
                    "C:\\Data NT AUTHORITY\\SYSTEM:(OI)(CI)(F)\n          S-1-5-21-1-2-3-1105:(RD,WD,X)\n\n"), IcaclsParser::parse),
            new Target("ndjson", List.of(String.join("\n",
                    "{\"path\":\"\\\\\\\\?\\\\UNC\\\\fs1\\\\data\",\"owner\":\"S-1-5-32-544\",\"sddl\":\"O:BAG:SYD:PAI(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)\"}",
                    "{\"path\":\"D:\\\\Data\\\\Финансы\",\"sddl\":\"O:BAD:AI(D;OICI;0x116;;;S-1-5-21-1-2-3-1105)(A;OICIID;FA;;;BA)\","
                            + "\"names\":{\"S-1-5-21-1-2-3-1105\":\"CORP\\\\petrova\"}}",
                    "{\"path\":\"D:\\\\Data\\\\Locked\",\"error\":\"Access to the path is denied.\"}", "")), ParserFuzzer::readUpload),
            new Target("ad-entry", List.of(String.join("\n",
                    "dn: CN=Anna Ivanova,OU=Staff,DC=corp,DC=example", "objectClass: user", "objectSid:: AQUAAAAAAAUVAAAA3KKdO4N0KUZCR6MpUQQAAA==",
                    "sAMAccountName: aivanova", "displayName:: 0JDQvdC90LAg0JjQstCw0L3QvtCy0LA=", "userAccountControl: 512", "primaryGroupID: 513",
                    "lastLogonTimestamp: 133400000000000000", "accountExpires: 9223372036854775807"), String.join("\n",
                    "dn: CN=Accounting,OU=Groups,DC=corp,DC=example", "objectClass: group", "objectSid:: AQUAAAAAAAUVAAAA3KKdO4N0KUZCR6MpUgQAAA==",
                    "sAMAccountName: Accounting", "groupType: -2147483646", "member: CN=Anna Ivanova,OU=Staff,DC=corp,DC=example",
                    "member: CN=S-1-5-11,CN=ForeignSecurityPrincipals,DC=corp,DC=example")), ParserFuzzer::mapAdEntry),
            new Target("ldap-entries", List.of(String.join("\n",
                    "dn: uid=jdoe,ou=people,dc=example,dc=org", "objectClass: inetOrgPerson", "objectClass: posixAccount", "uid: jdoe",
                    "cn: John Doe", "uidNumber: 10001", "gidNumber: 5000", "departmentNumber: Finance", "", "dn: uid=asmith,ou=people,dc=example,dc=org",
                    "objectClass: inetOrgPerson", "uid: asmith", "cn: Ann Smith", "sambaSID: S-1-5-21-1-2-3-1105", "nsAccountLock: true", "",
                    "dn: cn=finance,ou=groups,dc=example,dc=org", "objectClass: posixGroup", "cn: finance", "gidNumber: 5000", "memberUid: asmith", "",
                    "dn: cn=auditors,ou=groups,dc=example,dc=org", "objectClass: groupOfNames", "cn: auditors",
                    "member: uid=jdoe,ou=people,dc=example,dc=org", "member: cn=finance,ou=groups,dc=example,dc=org")), ParserFuzzer::mapLdapEntries));

    /** The agent's upload, validated line by line as the collector does before it publishes anything. */
    private static void readUpload(String text) {
        try {
            AgentUploadReader.validate(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), AgentUploadReader.MAX_LINE_CHARS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String ALPHABET = "()[];:,\\/-_ =OICIDNPAIRWXSYBAUFGMLK0123456789abcdefx\t\r\n\u0000\uFFFF\uD800ЯяЁ";

    private ParserFuzzer() {
    }

    /** Runs {@code inputs} mutated inputs through each target; returns what failed as it must not (at most the first 20 per target). */
    public static Map<String, List<Finding>> run(long inputs, long seed) {
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        for (Target target : TARGETS) {
            SplittableRandom random = new SplittableRandom(seed ^ target.name().hashCode());
            List<Finding> found = new ArrayList<>();
            for (long i = 0; i < inputs && found.size() < 20; i++) {
                String input = mutate(target.seeds(), random);
                Finding finding = check(target, input);
                if (finding != null) {
                    found.add(finding);
                }
            }
            findings.put(target.name(), found);
        }
        return findings;
    }

    /** One input through one target: null when it parsed or was refused cleanly. */
    public static Finding check(Target target, String input) {
        try {
            target.parser().accept(input);
            return null;
        } catch (SddlException e) {
            return e.offset() < 0 ? new Finding(target.name(), input, e) : null;
        } catch (IllegalArgumentException e) {
            return e.getMessage() == null || e.getMessage().isBlank() ? new Finding(target.name(), input, e) : null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new Finding(target.name(), input, e);
        }
    }

    static String mutate(List<String> seeds, SplittableRandom random) {
        StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations; m++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (text.length() > 0) {
                        text.deleteCharAt(Math.min(at, text.length() - 1));
                    }
                }
                case 2 -> {
                    if (text.length() > 0) {
                        text.setCharAt(Math.min(at, text.length() - 1), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                case 3 -> text.setLength(Math.min(text.length(), at)); // cut
                case 4 -> { // splice another seed's piece in
                    String other = seeds.get(random.nextInt(seeds.size()));
                    int from = random.nextInt(other.length());
                    text.insert(at, other, from, Math.min(other.length(), from + 1 + random.nextInt(40)));
                }
                default -> { // repeat a piece (long inputs, deep nesting)
                    if (text.length() > 0) {
                        int from = random.nextInt(text.length());
                        String piece = text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(20)));
                        text.insert(at, piece.repeat(1 + random.nextInt(50)));
                    }
                }
            }
        }
        return text.toString();
    }

    /**
     * LDIF stands in for what the server sends; text that is not an LDIF entry never reaches the mapping. The LDIF
     * decoding is the harness, not the code under test (UnboundID's decoder throws StringIndexOutOfBoundsException
     * on some blank lines, which no server's answer can contain).
     */
    private static void mapAdEntry(String ldif) {
        Entry entry = ldifEntry(ldif);
        if (entry == null) {
            return;
        }
        if (entry.hasObjectClass("group")) {
            String[] members = entry.getAttributeValues("member");
            ActiveDirectoryEntries.group(entry, members == null ? List.of() : List.of(members));
        } else {
            ActiveDirectoryEntries.user(entry);
        }
    }

    /** Blocks of LDIF separated by blank lines, each a person or a group, through the plain-LDAP mapping together. */
    private static void mapLdapEntries(String ldif) {
        List<Entry> people = new ArrayList<>();
        List<Entry> groups = new ArrayList<>();
        for (String block : ldif.split("\n\n")) {
            Entry entry = ldifEntry(block);
            if (entry == null) {
                continue;
            }
            boolean group = entry.hasObjectClass("posixGroup") || entry.hasObjectClass("groupOfNames") || entry.hasObjectClass("groupOfUniqueNames");
            (group ? groups : people).add(entry);
        }
        LdapDirectoryReader.entries(people, groups);
    }

    /** The entry the LDIF text describes, or null when it describes none. */
    private static Entry ldifEntry(String ldif) {
        try {
            return LDIFReader.decodeEntry(ldif.split("\n"));
        } catch (LDIFException | RuntimeException notAnEntry) {
            return null;
        }
    }

    private static byte[] decode(String text) {
        try {
            return java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return text.getBytes(StandardCharsets.ISO_8859_1); // the mutated text itself, as bytes
        }
    }
}

package io.aclens.access.nt;

import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.AceType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes file-system security descriptors in SDDL: {@code O:owner G:group D:flags(ace)(ace)…}
 * with an optional {@code S:} part (skipped: audit entries say nothing about access). Only the ACE kinds a
 * folder's DACL can hold are accepted — allow and deny; anything else is refused with its position.
 */
public final class Sddl {
    private static final Map<String, AceFlag> ACE_FLAGS = new LinkedHashMap<>();

    static {
        ACE_FLAGS.put("OI", AceFlag.OBJECT_INHERIT);
        ACE_FLAGS.put("CI", AceFlag.CONTAINER_INHERIT);
        ACE_FLAGS.put("NP", AceFlag.NO_PROPAGATE);
        ACE_FLAGS.put("IO", AceFlag.INHERIT_ONLY);
        ACE_FLAGS.put("ID", AceFlag.INHERITED);
    }

    private Sddl() {
    }

    public static SecurityDescriptor parse(String sddl) {
        return parse(sddl, null);
    }

    /** @param domain the domain SID that domain-relative aliases (DA, DU, …) stand under, or {@code null} */
    public static SecurityDescriptor parse(String sddl, Sid domain) {
        if (sddl == null || sddl.isBlank()) {
            throw new SddlException("Empty security descriptor", 0);
        }
        return new Parser(sddl.strip(), domain).descriptor();
    }

    /**
     * Whether SDDL text has a NULL DACL ({@code D:NO_ACCESS_CONTROL}, after any of the P, AI and AR flags) — cheaper than
     * parsing, for a check on every folder of a snapshot. The first {@code D:} is always the DACL part: SID aliases are two
     * letters followed by the next part's letter, never by a colon.
     */
    public static boolean hasNullDacl(String sddl) {
        if (sddl == null) {
            return false;
        }
        int dacl = sddl.indexOf("D:");
        if (dacl < 0) {
            return false;
        }
        int pos = dacl + 2;
        while (pos < sddl.length() && "PAIR".indexOf(sddl.charAt(pos)) >= 0) {
            pos++;
        }
        return sddl.startsWith("NO_ACCESS_CONTROL", pos);
    }

    /** Canonical SDDL: aliases for well-known SIDs and for the file rights FA/FR/FW/FX, hex for other masks. */
    public static String write(SecurityDescriptor descriptor, Sid domain) {
        StringBuilder out = new StringBuilder();
        if (descriptor.ownerSid() != null) {
            out.append("O:").append(sid(descriptor.ownerSid(), domain));
        }
        if (descriptor.groupSid() != null) {
            out.append("G:").append(sid(descriptor.groupSid(), domain));
        }
        out.append("D:");
        if (descriptor.control().contains(SecurityDescriptor.Control.DACL_PROTECTED)) {
            out.append('P');
        }
        if (descriptor.control().contains(SecurityDescriptor.Control.DACL_AUTO_INHERIT_REQUIRED)) {
            out.append("AR");
        }
        if (descriptor.control().contains(SecurityDescriptor.Control.DACL_AUTO_INHERITED)) {
            out.append("AI");
        }
        if (descriptor.dacl() == null) {
            out.append("NO_ACCESS_CONTROL");
            return out.toString();
        }
        for (Ace ace : descriptor.dacl()) {
            out.append('(').append(ace.type() == AceType.ALLOW ? 'A' : 'D').append(';');
            ACE_FLAGS.forEach((code, flag) -> {
                if (ace.flags().contains(flag)) {
                    out.append(code);
                }
            });
            out.append(';').append(rights(ace.mask())).append(";;;").append(sid(ace.sid(), domain)).append(')');
        }
        return out.toString();
    }

    public static String write(SecurityDescriptor descriptor) {
        return write(descriptor, null);
    }

    private static final int GENERIC_BITS = 0xF0000000;

    private static String rights(int mask) {
        for (String alias : List.of("FA", "FR", "FW", "FX")) {
            if (SddlAliases.RIGHTS.get(alias) == mask) {
                return alias;
            }
        }
        if (mask != 0 && (mask & ~GENERIC_BITS) == 0) {
            StringBuilder aliases = new StringBuilder();
            for (String alias : List.of("GA", "GR", "GW", "GX")) {
                if ((mask & SddlAliases.RIGHTS.get(alias)) != 0) {
                    aliases.append(alias);
                }
            }
            return aliases.toString();
        }
        return "0x" + Integer.toHexString(mask);
    }

    private static String sid(String sid, Sid domain) {
        return SddlAliases.aliasOf(sid, domain).orElse(sid);
    }

    private static final class Parser {
        private final String text;
        private final Sid domain;
        private int pos;

        Parser(String text, Sid domain) {
            this.text = text;
            this.domain = domain;
        }

        SecurityDescriptor descriptor() {
            String owner = null;
            String group = null;
            Set<SecurityDescriptor.Control> control = EnumSet.noneOf(SecurityDescriptor.Control.class);
            List<Ace> dacl = new ArrayList<>();
            boolean nullDacl = false;
            boolean sawDacl = false;
            while (pos < text.length()) {
                char part = text.charAt(pos);
                expect(pos + 1 < text.length() && text.charAt(pos + 1) == ':', "expected O:, G:, D: or S:");
                pos += 2;
                switch (part) {
                    case 'O' -> owner = resolveSid(untilNextPart(), pos);
                    case 'G' -> group = resolveSid(untilNextPart(), pos);
                    case 'D' -> {
                        sawDacl = true;
                        nullDacl = daclFlags(control);
                        while (pos < text.length() && text.charAt(pos) == '(') {
                            dacl.add(ace(dacl.size() + 1));
                        }
                    }
                    case 'S' -> skipSacl();
                    default -> throw new SddlException("Unknown part '" + part + ":'", pos - 2);
                }
            }
            if (!sawDacl) {
                throw new SddlException("No DACL (D:) in the security descriptor", text.length());
            }
            return new SecurityDescriptor(owner, group, control, nullDacl ? null : dacl);
        }

        private boolean daclFlags(Set<SecurityDescriptor.Control> control) {
            boolean nullDacl = false;
            while (pos < text.length() && text.charAt(pos) != '(' && !isPartStart(pos)) {
                if (text.startsWith("NO_ACCESS_CONTROL", pos)) {
                    nullDacl = true;
                    pos += "NO_ACCESS_CONTROL".length();
                } else if (text.startsWith("AR", pos)) {
                    control.add(SecurityDescriptor.Control.DACL_AUTO_INHERIT_REQUIRED);
                    pos += 2;
                } else if (text.startsWith("AI", pos)) {
                    control.add(SecurityDescriptor.Control.DACL_AUTO_INHERITED);
                    pos += 2;
                } else if (text.charAt(pos) == 'P') {
                    control.add(SecurityDescriptor.Control.DACL_PROTECTED);
                    pos++;
                } else {
                    throw new SddlException("Unknown DACL flag at '" + text.substring(pos, Math.min(pos + 4, text.length())) + "'", pos);
                }
            }
            return nullDacl;
        }

        private Ace ace(int number) {
            int start = pos;
            int end = text.indexOf(')', pos);
            expect(end > 0, "ACE " + number + " is not closed with ')'");
            String[] fields = text.substring(pos + 1, end).split(";", -1);
            pos = end + 1;
            if (fields.length < 6) {
                throw new SddlException("ACE " + number + " has " + fields.length + " fields, expected type;flags;rights;object;inherited object;sid", start);
            }
            String at = "ACE " + number + " ";
            AceType type = switch (fields[0]) {
                case "A" -> AceType.ALLOW;
                case "D" -> AceType.DENY;
                case "OA", "OD", "XA", "XD", "ZA" -> throw new SddlException(at + "has type '" + fields[0]
                        + "', an object or callback ACE, which a folder's DACL cannot hold", start);
                case "AU", "AL", "OU", "OL", "ML", "XU", "SP", "RA", "SD", "TL", "FL" -> throw new SddlException(at + "has type '"
                        + fields[0] + "', which belongs in a SACL, not a DACL", start);
                default -> throw new SddlException(at + "has unknown type '" + fields[0] + "'", start);
            };
            Set<AceFlag> flags = EnumSet.noneOf(AceFlag.class);
            String flagText = fields[1];
            for (int i = 0; i < flagText.length(); i += 2) {
                String code = flagText.substring(i, Math.min(i + 2, flagText.length()));
                AceFlag flag = ACE_FLAGS.get(code);
                if (flag == null) {
                    throw new SddlException(at + "has flag '" + code + "', which a folder DACL entry cannot have", start);
                }
                flags.add(flag);
            }
            int mask = rights(fields[2], at, start);
            if (!fields[3].isEmpty() || !fields[4].isEmpty()) {
                throw new SddlException(at + "names object types, which only object ACEs have", start);
            }
            String sid = resolveSid(fields[5], start);
            return new Ace(type, sid, mask, flags);
        }

        private int rights(String rights, String at, int start) {
            if (rights.isEmpty()) {
                throw new SddlException(at + "has no rights", start);
            }
            String lower = rights.toLowerCase(Locale.ROOT);
            try {
                if (lower.startsWith("0x")) {
                    return (int) Long.parseLong(lower.substring(2), 16);
                }
                if (rights.chars().allMatch(Character::isDigit)) {
                    return (int) Long.parseLong(rights);
                }
            } catch (NumberFormatException e) {
                throw new SddlException(at + "has a malformed rights number '" + rights + "'", start);
            }
            int mask = 0;
            for (int i = 0; i < rights.length(); i += 2) {
                String alias = rights.substring(i, Math.min(i + 2, rights.length()));
                Integer bits = SddlAliases.RIGHTS.get(alias);
                if (bits == null) {
                    throw new SddlException(at + "has unknown right '" + alias + "'", start);
                }
                mask |= bits;
            }
            return mask;
        }

        private String resolveSid(String token, int at) {
            if (token.isEmpty()) {
                throw new SddlException("Missing SID", at);
            }
            if (token.startsWith("S-") || token.startsWith("s-")) {
                try {
                    return Sid.parse(token).toString();
                } catch (IllegalArgumentException e) {
                    throw new SddlException(e.getMessage(), at);
                }
            }
            try {
                return SddlAliases.sidOf(token, domain).orElseThrow(() -> new SddlException("Unknown SID alias '" + token + "'", at));
            } catch (SddlException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new SddlException(e.getMessage(), at);
            }
        }

        private String untilNextPart() {
            int start = pos;
            while (pos < text.length() && !isPartStart(pos)) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private boolean isPartStart(int at) {
            return at + 1 < text.length() && text.charAt(at + 1) == ':' && "OGDS".indexOf(text.charAt(at)) >= 0;
        }

        private void skipSacl() {
            while (pos < text.length() && !isPartStart(pos)) {
                if (text.charAt(pos) == '(') {
                    int end = text.indexOf(')', pos);
                    expect(end > 0, "SACL entry is not closed with ')'");
                    pos = end + 1;
                } else {
                    pos++;
                }
            }
        }

        private void expect(boolean condition, String message) {
            if (!condition) {
                throw new SddlException(message, pos);
            }
        }
    }
}

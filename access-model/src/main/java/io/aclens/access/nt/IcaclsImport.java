package io.aclens.access.nt;

import io.aclens.access.Ace;
import io.aclens.access.WellKnownSids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns parsed icacls output into folders with SID-keyed DACLs. icacls names accounts ("CONTOSO\\Accounting",
 * "BUILTIN\\Administrators", "Все") and prints a raw SID only for accounts it could not resolve; names are
 * resolved as well-known names first, then through the client's directory by account name.
 */
public final class IcaclsImport {
    private IcaclsImport() {
    }

    /** A folder with its DACL in icacls' order; {@code error} is what icacls printed instead of ACEs. */
    public record ImportedFolder(String path, List<Ace> dacl, String error) {
    }

    /** Names no resolver knew; nothing is imported then, so a report never shows a half-resolved share. */
    public static final class UnresolvedNamesException extends IllegalArgumentException {
        private final Set<String> names;

        UnresolvedNamesException(Set<String> names) {
            super("accounts not found in the client's directory: " + String.join(", ", names.stream().limit(20).toList())
                    + (names.size() > 20 ? " and " + (names.size() - 20) + " more" : ""));
            this.names = Set.copyOf(names);
        }

        public Set<String> names() {
            return names;
        }
    }

    /** @param sidByAccountName SIDs by lower-case account name without domain (sAMAccountName, group name) */
    public static List<ImportedFolder> resolve(List<IcaclsParser.Folder> folders, Map<String, String> sidByAccountName) {
        Set<String> unresolved = new LinkedHashSet<>();
        Function<String, Optional<String>> sidOf = name -> sid(name, sidByAccountName);
        List<ImportedFolder> imported = new ArrayList<>(folders.size());
        for (IcaclsParser.Folder folder : folders) {
            List<Ace> dacl = new ArrayList<>(folder.aces().size());
            for (IcaclsParser.Entry entry : folder.aces()) {
                Optional<String> sid = sidOf.apply(entry.principal());
                if (sid.isEmpty()) {
                    unresolved.add(entry.principal());
                    continue;
                }
                dacl.add(new Ace(entry.type(), sid.get(), entry.mask(), entry.flags()));
            }
            imported.add(new ImportedFolder(folder.path(), dacl, folder.error()));
        }
        if (!unresolved.isEmpty()) {
            throw new UnresolvedNamesException(unresolved);
        }
        return imported;
    }

    private static Optional<String> sid(String principal, Map<String, String> sidByAccountName) {
        if (principal.startsWith("S-1-")) {
            return Optional.of(Sid.parse(principal).toString());
        }
        Optional<String> wellKnown = WellKnownSids.sidOf(principal);
        if (wellKnown.isPresent()) {
            return wellKnown;
        }
        String account = principal.substring(principal.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(sidByAccountName.get(account));
    }
}

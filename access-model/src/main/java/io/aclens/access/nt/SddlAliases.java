package io.aclens.access.nt;

import io.aclens.access.AccessMask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The two-letter SID and rights aliases of SDDL (Microsoft's "SID strings" and "ACE strings" pages).
 * Domain-relative aliases (DA, DU, …) stand for a relative id under the domain's SID.
 */
public final class SddlAliases {
    /** Alias to SID for aliases that mean the same SID everywhere. */
    static final Map<String, String> ABSOLUTE = new LinkedHashMap<>();
    /** Alias to relative id under the domain (or, for LA/LG, the machine) SID. */
    static final Map<String, Long> DOMAIN_RELATIVE = new LinkedHashMap<>();
    /** Rights alias to mask, file-system aliases first so the writer prefers them. */
    static final Map<String, Integer> RIGHTS = new LinkedHashMap<>();

    static {
        ABSOLUTE.put("WD", "S-1-1-0");
        ABSOLUTE.put("CO", "S-1-3-0");
        ABSOLUTE.put("CG", "S-1-3-1");
        ABSOLUTE.put("OW", "S-1-3-4");
        ABSOLUTE.put("NU", "S-1-5-2");
        ABSOLUTE.put("IU", "S-1-5-4");
        ABSOLUTE.put("SU", "S-1-5-6");
        ABSOLUTE.put("AN", "S-1-5-7");
        ABSOLUTE.put("ED", "S-1-5-9");
        ABSOLUTE.put("PS", "S-1-5-10");
        ABSOLUTE.put("AU", "S-1-5-11");
        ABSOLUTE.put("RC", "S-1-5-12");
        ABSOLUTE.put("WR", "S-1-5-33");
        ABSOLUTE.put("SY", "S-1-5-18");
        ABSOLUTE.put("LS", "S-1-5-19");
        ABSOLUTE.put("NS", "S-1-5-20");
        ABSOLUTE.put("BA", "S-1-5-32-544");
        ABSOLUTE.put("BU", "S-1-5-32-545");
        ABSOLUTE.put("BG", "S-1-5-32-546");
        ABSOLUTE.put("PU", "S-1-5-32-547");
        ABSOLUTE.put("AO", "S-1-5-32-548");
        ABSOLUTE.put("SO", "S-1-5-32-549");
        ABSOLUTE.put("PO", "S-1-5-32-550");
        ABSOLUTE.put("BO", "S-1-5-32-551");
        ABSOLUTE.put("RE", "S-1-5-32-552");
        ABSOLUTE.put("RU", "S-1-5-32-554");
        ABSOLUTE.put("RD", "S-1-5-32-555");
        ABSOLUTE.put("NO", "S-1-5-32-556");
        ABSOLUTE.put("MU", "S-1-5-32-558");
        ABSOLUTE.put("LU", "S-1-5-32-559");
        ABSOLUTE.put("IS", "S-1-5-32-568");
        ABSOLUTE.put("CY", "S-1-5-32-569");
        ABSOLUTE.put("ER", "S-1-5-32-573");
        ABSOLUTE.put("AC", "S-1-15-2-1");

        DOMAIN_RELATIVE.put("LA", 500L);
        DOMAIN_RELATIVE.put("LG", 501L);
        DOMAIN_RELATIVE.put("DA", 512L);
        DOMAIN_RELATIVE.put("DU", 513L);
        DOMAIN_RELATIVE.put("DG", 514L);
        DOMAIN_RELATIVE.put("DC", 515L);
        DOMAIN_RELATIVE.put("DD", 516L);
        DOMAIN_RELATIVE.put("CA", 517L);
        DOMAIN_RELATIVE.put("SA", 518L);
        DOMAIN_RELATIVE.put("EA", 519L);
        DOMAIN_RELATIVE.put("PA", 520L);
        DOMAIN_RELATIVE.put("RO", 498L);

        RIGHTS.put("FA", AccessMask.FILE_ALL_ACCESS);
        RIGHTS.put("FR", AccessMask.FILE_GENERIC_READ);
        RIGHTS.put("FW", AccessMask.FILE_GENERIC_WRITE);
        RIGHTS.put("FX", AccessMask.FILE_GENERIC_EXECUTE);
        RIGHTS.put("GA", AccessMask.GENERIC_ALL);
        RIGHTS.put("GR", AccessMask.GENERIC_READ);
        RIGHTS.put("GW", AccessMask.GENERIC_WRITE);
        RIGHTS.put("GX", AccessMask.GENERIC_EXECUTE);
        RIGHTS.put("SD", AccessMask.DELETE);
        RIGHTS.put("RC", AccessMask.READ_CONTROL);
        RIGHTS.put("WD", AccessMask.WRITE_DAC);
        RIGHTS.put("WO", AccessMask.WRITE_OWNER);
        // directory-service names of the specific bits; on files they are the same bits
        RIGHTS.put("CC", 0x1);
        RIGHTS.put("DC", 0x2);
        RIGHTS.put("LC", 0x4);
        RIGHTS.put("SW", 0x8);
        RIGHTS.put("RP", 0x10);
        RIGHTS.put("WP", 0x20);
        RIGHTS.put("DT", 0x40);
        RIGHTS.put("LO", 0x80);
        RIGHTS.put("CR", 0x100);
        RIGHTS.put("KA", 0xF003F);
        RIGHTS.put("KR", 0x20019);
        RIGHTS.put("KW", 0x20006);
        RIGHTS.put("KX", 0x20019);
    }

    private SddlAliases() {
    }

    /** The SID an alias stands for; domain-relative aliases need {@code domain}. */
    public static Optional<String> sidOf(String alias, Sid domain) {
        String absolute = ABSOLUTE.get(alias);
        if (absolute != null) {
            return Optional.of(absolute);
        }
        Long rid = DOMAIN_RELATIVE.get(alias);
        if (rid == null) {
            return Optional.empty();
        }
        if (domain == null) {
            throw new IllegalArgumentException("SID alias " + alias + " is relative to the domain: give the domain SID to resolve it");
        }
        return Optional.of(domain.child(rid).toString());
    }

    /** The alias the writer uses for a SID, if any. */
    public static Optional<String> aliasOf(String sid, Sid domain) {
        for (Map.Entry<String, String> entry : ABSOLUTE.entrySet()) {
            if (entry.getValue().equals(sid)) {
                return Optional.of(entry.getKey());
            }
        }
        if (domain != null) {
            for (Map.Entry<String, Long> entry : DOMAIN_RELATIVE.entrySet()) {
                if (domain.child(entry.getValue()).toString().equals(sid)) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }
}

package io.aclens.collector.directory;

import java.net.IDN;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a server's certificate names the host a client connected to (RFC 6125): an IP address must be one of its
 * IP subject-alternative names; a host name one of its DNS names (a leading "*." matches exactly one label), or its
 * subject CN when it has no DNS names. Checked by hand because the LDAP SDK checks nothing by default and lets a
 * loopback address through whatever the certificate names.
 */
final class CertificateHost {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private CertificateHost() {
    }

    static boolean names(X509Certificate certificate, String host) {
        String wanted = host.toLowerCase(Locale.ROOT);
        boolean ip = IPV4.matcher(wanted).matches() || wanted.contains(":");
        boolean anyDnsName = false;
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> name : certificate.getSubjectAlternativeNames()) {
                    int type = (Integer) name.get(0);
                    String value = String.valueOf(name.get(1)).toLowerCase(Locale.ROOT);
                    if (ip && type == IP_ADDRESS && value.equals(wanted)) {
                        return true;
                    }
                    if (type == DNS_NAME) {
                        anyDnsName = true;
                        if (!ip && dnsMatches(value, wanted)) {
                            return true;
                        }
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        return !ip && !anyDnsName && dnsMatches(commonName(certificate), wanted);
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern == null) {
            return false;
        }
        String ascii = IDN.toASCII(host);
        if (pattern.startsWith("*.")) {
            int dot = ascii.indexOf('.');
            return dot > 0 && ascii.substring(dot + 1).equals(pattern.substring(2));
        }
        return ascii.equals(pattern);
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT);
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return null;
        }
        return null;
    }
}

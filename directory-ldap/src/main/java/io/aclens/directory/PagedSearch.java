package io.aclens.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.List;

/** A subtree search with the simple paged results control: AD answers at most 1,000 entries a page. */
final class PagedSearch {
    private PagedSearch() {
    }

    static List<SearchResultEntry> all(LDAPInterface ldap, String baseDn, int pageSize, String filter, String... attributes)
            throws LDAPException {
        List<SearchResultEntry> entries = new ArrayList<>();
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, filter, attributes);
            request.setControls(new SimplePagedResultsControl(pageSize, cookie));
            SearchResult result = ldap.search(request);
            entries.addAll(result.getSearchEntries());
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            cookie = response == null ? null : response.getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
        return entries;
    }
}

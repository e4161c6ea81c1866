package io.aclens.directory;

import com.unboundid.ldap.sdk.Entry;

/** The one form of a refused directory entry: the entry's DN, then what is wrong with it. */
final class EntryRefusal {
    private EntryRefusal() {
    }

    static IllegalArgumentException of(Entry entry, String reason) {
        return new IllegalArgumentException("Entry " + entry.getDN() + ": " + reason);
    }
}

package io.aclens.access;

/** Why a change happened: the folder's ACL was edited, the folder itself appeared or vanished, ... */
public enum ChangeCause {
    ACL_EDIT,
    FOLDER_LIFECYCLE,
    OWNERSHIP,
    MEMBERSHIP,
    ACCOUNT,
    /** the share's own permissions changed: every folder reached through it may be affected */
    SHARE_PERMISSIONS
}

package io.aclens.access;

/** Why a change happened: the folder's ACL was edited, the folder itself appeared or vanished, ... */
public enum ChangeCause {
    ACL_EDIT,
    FOLDER_LIFECYCLE,
    OWNERSHIP,
    MEMBERSHIP,
    ACCOUNT
}

package io.aclens.access;

/**
 * NT file-system access mask bits and the standard combinations Windows shows as "simple" rights.
 * POSIX permissions are mapped onto the same bits so every source shares one rights model.
 */
public final class AccessMask {
    public static final int READ_DATA = 0x1;          // list folder / read data
    public static final int WRITE_DATA = 0x2;         // create files / write data
    public static final int APPEND_DATA = 0x4;        // create folders / append data
    public static final int READ_EA = 0x8;
    public static final int WRITE_EA = 0x10;
    public static final int EXECUTE = 0x20;           // traverse folder / execute file
    public static final int DELETE_CHILD = 0x40;
    public static final int READ_ATTRIBUTES = 0x80;
    public static final int WRITE_ATTRIBUTES = 0x100;
    public static final int DELETE = 0x10000;
    public static final int READ_CONTROL = 0x20000;
    public static final int WRITE_DAC = 0x40000;
    public static final int WRITE_OWNER = 0x80000;
    public static final int SYNCHRONIZE = 0x100000;

    public static final int GENERIC_ALL = 0x10000000;
    public static final int GENERIC_EXECUTE = 0x20000000;
    public static final int GENERIC_WRITE = 0x40000000;
    public static final int GENERIC_READ = 0x80000000;

    /** Levels compare masks with SYNCHRONIZE removed, as Windows' own dialogs do. */
    public static final int FULL_CONTROL = 0x1F01FF & ~SYNCHRONIZE;
    public static final int MODIFY = 0x301BF;
    public static final int READ_AND_EXECUTE = 0x200A9;
    public static final int READ = 0x20089;
    public static final int WRITE = 0x116;

    public static final int FILE_GENERIC_READ = 0x120089;
    public static final int FILE_GENERIC_WRITE = 0x120116;
    public static final int FILE_GENERIC_EXECUTE = 0x1200A0;
    public static final int FILE_ALL_ACCESS = 0x1F01FF;

    private AccessMask() {
    }

    /** Maps GENERIC_* bits onto the file rights they stand for, keeping the specific bits as they are. */
    public static int mapGenericRights(int mask) {
        int mapped = mask & ~(GENERIC_ALL | GENERIC_EXECUTE | GENERIC_WRITE | GENERIC_READ);
        if ((mask & GENERIC_ALL) != 0) {
            mapped |= FILE_ALL_ACCESS;
        }
        if ((mask & GENERIC_READ) != 0) {
            mapped |= FILE_GENERIC_READ;
        }
        if ((mask & GENERIC_WRITE) != 0) {
            mapped |= FILE_GENERIC_WRITE;
        }
        if ((mask & GENERIC_EXECUTE) != 0) {
            mapped |= FILE_GENERIC_EXECUTE;
        }
        return mapped;
    }

    public static boolean includes(int mask, int required) {
        return (mask & required) == required;
    }
}

package io.aclens.posix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    @Test
    void readsTheFieldsAfterANameThatHoldsSpacesAndParentheses() {
        // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime cutime
        // cstime priority nice num_threads ...
        ProcStat stat = ProcStat.parse("4242 (C2 (x) Thre) S 1 4242 4242 0 -1 4194368 100 0 0 0 250 30 7 3 30 10 1 0 5 0\n");

        assertThat(stat).isEqualTo(new ProcStat("C2 (x) Thre", 280, 10, 10));
        assertThat(stat.cpuSeconds()).isEqualTo(2.8);
    }
}

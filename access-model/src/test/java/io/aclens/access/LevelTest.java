package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "0x1F01FF, FULL, full control",
            "0x001F01FF, FULL, full control without SYNCHRONIZE bit difference",
            "0x10000000, FULL, GENERIC_ALL maps to FILE_ALL_ACCESS",
            "0x1301BF, MODIFY, modify with SYNCHRONIZE",
            "0x301BF, MODIFY, modify without SYNCHRONIZE",
            "0x1200A9, READ_EXECUTE, read and execute",
            "0xA0000000, READ_EXECUTE, GENERIC_READ|GENERIC_EXECUTE",
            "0x120089, READ, read",
            "0x80000000, READ, GENERIC_READ maps to FILE_GENERIC_READ",
            "0x100116, WRITE, write only",
            "0x40000000, WRITE, GENERIC_WRITE maps to FILE_GENERIC_WRITE",
            "0x100020, SPECIAL, traverse only",
            "0x100000, NONE, SYNCHRONIZE alone grants nothing",
            "0x0, NONE, empty mask",
    })
    void levelFromMask(String mask, Level expected, String rule) {
        assertThat(Level.fromMask(Integer.parseUnsignedInt(mask.substring(2), 16))).as(rule).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"F, FULL", "M, MODIFY", "RX, READ_EXECUTE", "R, READ", "W, WRITE", "L, LIST_FOLDER", "S, SPECIAL"})
    void codesRoundTrip(String code, Level level) {
        assertThat(level.code()).isEqualTo(code);
        assertThat(Level.fromCode(code)).isEqualTo(level);
    }
}

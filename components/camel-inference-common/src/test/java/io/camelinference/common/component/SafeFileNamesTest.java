package io.camelinference.common.component;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SafeFileNamesTest {

    @TempDir
    Path dir;

    @Test
    void namesFromTheServiceCannotLeaveTheDirectory() {
        for (String hostile : new String[] { "../../x", "/etc/passwd", "..\\..\\x", "a/../../b", "C:\\temp\\y", "..", "" }) {
            Path target = SafeFileNames.resolveInside(dir, hostile);
            assertThat(target.getParent()).as(hostile).isEqualTo(dir.toAbsolutePath().normalize());
        }
        assertThat(SafeFileNames.resolveInside(dir, "../../x").getFileName().toString()).isEqualTo("x");
        assertThat(SafeFileNames.resolveInside(dir, "report v2.txt").getFileName().toString()).isEqualTo("report v2.txt");
    }
}

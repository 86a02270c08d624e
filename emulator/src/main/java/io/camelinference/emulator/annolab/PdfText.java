package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Extracts the text of an uploaded PDF with Apache PDFBox, page by page; pages are joined with form feeds so models
 * and annotations can tell them apart. The file is read from disk, not loaded into memory first.
 */
final class PdfText {

    private PdfText() {
    }

    /**
     * @throws IOException when the file is not a readable PDF
     */
    static String extract(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            StringBuilder text = new StringBuilder();
            int pages = document.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (page > 1) {
                    text.append(Pages.SEPARATOR);
                }
                text.append(stripper.getText(document).strip());
            }
            return text.toString();
        }
    }
}

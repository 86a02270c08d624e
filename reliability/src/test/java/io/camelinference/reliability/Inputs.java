package io.camelinference.reliability;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/** Distinct input files for each pipeline: no two inputs are alike, so "billed twice" can be told apart. */
final class Inputs {

    private static final String[] ORGS = { "Acme Corporation", "Globex Corporation", "Initech", "Wonka Industries",
            "Northwind Traders" };

    private Inputs() {
    }

    /** Text files the UnityPredict text-summary model summarises. */
    static List<Path> texts(Path dir, int n) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(Files.writeString(dir.resolve("note-" + i + ".txt"), "Report " + i + ": the team delivered great"
                    + " results this quarter. Customers are happy and revenue grew by " + (i % 17) + " percent.\n"
                    + "Next steps for item " + i + " are planned.\n"));
        }
        return files;
    }

    /** PNG images of distinct colours for the Deepomatic colour classifier. */
    static List<Path> images(Path dir, int n) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.getHSBColor((i * 0.61803f) % 1f, 0.8f, 0.9f));
            g.fillRect(0, 0, 24, 24);
            g.setColor(new Color(i % 256, (i / 256) % 256, 7));
            g.fillRect(0, 0, 1, 1); // a pixel that makes every image's bytes unique
            g.dispose();
            Path file = dir.resolve("image-" + i + ".png");
            ImageIO.write(image, "png", file.toFile());
            files.add(file);
        }
        return files;
    }

    /** Letters with organisations, amounts and dates for the AnnoLab entity annotator. */
    static List<Path> letters(Path dir, int n) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(Files.writeString(dir.resolve("letter-" + i + ".txt"), "Dear " + ORGS[i % ORGS.length] + ",\n"
                    + "we confirm order " + (1000 + i) + " of $" + (100 + i) + ".50, due on March " + (1 + i % 28)
                    + ", 2025. Questions to billing" + i + "@example.com.\n"));
        }
        return files;
    }
}

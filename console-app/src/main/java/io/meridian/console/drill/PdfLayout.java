package io.meridian.console.drill;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays text out on A4 pages, top to bottom: headings, wrapped paragraphs and table rows of fixed columns, with a new
 * page when one is full and a footer on each. Black on white in the standard fonts, so it prints anywhere; text the
 * fonts cannot show (symbols beyond Latin-1) is replaced rather than failing the export.
 */
final class PdfLayout implements AutoCloseable {
    private static final float MARGIN = 50;
    private static final float FOOTER = 30;

    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private final PDDocument document;
    private final String footer;
    private PDPageContentStream content;
    private float y;
    private int pages;

    PdfLayout(PDDocument document, String footer) {
        this.document = document;
        this.footer = footer;
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void heading(String text, float size) throws IOException {
        space(size * 0.8f);
        line(text, bold, size, 0);
        space(size * 0.3f);
    }

    /** A paragraph wrapped to the page width, indented by {@code indent}. */
    void paragraph(String text, PDType1Font font, float size, float indent) throws IOException {
        for (var line : wrap(text, font, size, width() - indent)) {
            line(line, font, size, indent);
        }
    }

    /** One table row: each cell wrapped within its column; the row is as tall as its tallest cell. */
    void row(List<String> cells, float[] columns, PDType1Font font, float size) throws IOException {
        var wrapped = new ArrayList<List<String>>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            var lines = wrap(cells.get(i), font, size, columns[i] - 6);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        ensure(height * size * 1.3f);
        for (int l = 0; l < height; l++) {
            y -= size * 1.3f;
            float x = MARGIN;
            for (int i = 0; i < wrapped.size(); i++) {
                if (l < wrapped.get(i).size()) {
                    show(wrapped.get(i).get(l), font, size, x, y);
                }
                x += columns[i];
            }
        }
        y -= size * 0.3f;
    }

    void rule() throws IOException {
        ensure(8);
        y -= 4;
        content.setLineWidth(0.5f);
        content.moveTo(MARGIN, y);
        content.lineTo(MARGIN + width(), y);
        content.stroke();
        y -= 4;
    }

    void space(float points) throws IOException {
        ensure(points);
        y -= points;
    }

    private void line(String text, PDType1Font font, float size, float indent) throws IOException {
        ensure(size * 1.35f);
        y -= size * 1.35f;
        show(text, font, size, MARGIN + indent, y);
    }

    private void show(String text, PDType1Font font, float size, float x, float at) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, at);
        content.showText(printable(text, font));
        content.endText();
    }

    private void ensure(float needed) throws IOException {
        if (content == null || y - needed < MARGIN + FOOTER) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        finishPage();
        var page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        pages++;
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void finishPage() throws IOException {
        if (content != null) {
            show(footer + "   page " + pages, regular, 8, MARGIN, MARGIN);
            content.close();
        }
    }

    List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        var lines = new ArrayList<String>();
        for (var paragraph : printable(text, font).split("\n", -1)) {
            var line = new StringBuilder();
            for (var word : paragraph.split(" ")) {
                var candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text with what the font cannot encode replaced: arrows and ticks become words or '?'. */
    static String printable(String text, PDType1Font font) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
                return;
            }
            var s = new String(Character.toChars(c));
            try {
                font.encode(s);
                out.append(s);
            } catch (IllegalArgumentException | IOException e) {
                out.append(switch (c) {
                    case '→' -> "->";
                    case '✓' -> "ok";
                    case '✕' -> "x";
                    case '\t' -> " ";
                    default -> "?";
                });
            }
        });
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        finishPage();
        content = null;
    }
}

package cn.jiyuan.decisionreview.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * Formatting primitives for a Chinese official document (GB/T 9704-2012): A4, 版心 156 mm × 225 mm,
 * 22 lines of 28 characters, 仿宋_GB2312 三号 body, 黑体 / 楷体_GB2312 headings, 方正小标宋简体 二号 title,
 * "— 1 —" page numbers. Fonts are set for every character range (ascii, hAnsi, eastAsia, cs) so that Word
 * and WPS do not fall back to a Latin font.
 */
final class OfficialDocx {

  static final String FANGSONG = "仿宋_GB2312";
  static final String HEITI = "黑体";
  static final String KAITI = "楷体_GB2312";
  static final String XIAOBIAOSONG = "方正小标宋简体";
  static final String SONGTI = "宋体";

  /** Font sizes in points: 二号, 三号, 四号, 小四. */
  static final int SIZE_2 = 22;
  static final int SIZE_3 = 16;
  static final int SIZE_4 = 14;
  static final int SIZE_SMALL_4 = 12;

  /** A4 in twips, and GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
  static final int PAGE_WIDTH = 11906;
  static final int PAGE_HEIGHT = 16838;
  static final int MARGIN_TOP = 2098;
  static final int MARGIN_BOTTOM = 1984;
  static final int MARGIN_LEFT = 1588;
  static final int MARGIN_RIGHT = 1474;
  static final int HEADER_DISTANCE = 851;
  static final int FOOTER_DISTANCE = 1304;
  static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

  /** 28.95 pt exact: 22 lines fill the 225 mm type area. */
  static final int BODY_LINE_TWIPS = 579;
  static final int TITLE_LINE_TWIPS = 700;
  /** One 三号 character is 16 pt = 320 twips. */
  static final int CHAR_TWIPS = 320;

  private final XWPFDocument doc;
  private int bookmarkId = 100;

  OfficialDocx(XWPFDocument doc) {
    this.doc = doc;
    // bookmark ids must be unique in the document; an uploaded report may already use some
    Matcher ids = Pattern.compile("[:\\s]id=\"(\\d{1,9})\"").matcher(doc.getDocument().getBody().xmlText());
    while (ids.find()) {
      bookmarkId = Math.max(bookmarkId, Integer.parseInt(ids.group(1)) + 1);
    }
  }

  XWPFDocument document() {
    return doc;
  }

  // ---------------------------------------------------------------- page setup

  /** A4 portrait, GB/T 9704 margins, default fonts and Chinese language in the style defaults. */
  void setUpPage() {
    CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
        ? doc.getDocument().getBody().getSectPr()
        : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_WIDTH));
    size.setH(BigInteger.valueOf(PAGE_HEIGHT));
    size.setOrient(STPageOrientation.PORTRAIT);
    CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
    mar.setTop(BigInteger.valueOf(MARGIN_TOP));
    mar.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
    mar.setLeft(BigInteger.valueOf(MARGIN_LEFT));
    mar.setRight(BigInteger.valueOf(MARGIN_RIGHT));
    mar.setHeader(BigInteger.valueOf(HEADER_DISTANCE));
    mar.setFooter(BigInteger.valueOf(FOOTER_DISTANCE));
    mar.setGutter(BigInteger.ZERO);

    CTStyles styles = CTStyles.Factory.newInstance();
    CTRPr defaults = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
    CTFonts fonts = defaults.addNewRFonts();
    fonts.setAscii(FANGSONG);
    fonts.setHAnsi(FANGSONG);
    fonts.setEastAsia(FANGSONG);
    fonts.setCs(FANGSONG);
    defaults.addNewSz().setVal(BigInteger.valueOf(SIZE_3 * 2L));
    defaults.addNewSzCs().setVal(BigInteger.valueOf(SIZE_3 * 2L));
    var lang = defaults.addNewLang();
    lang.setVal("en-US");
    lang.setEastAsia("zh-CN");
    doc.createStyles().setStyles(styles);
  }

  /** Page number "— 1 —", 宋体 四号, centred (a PAGE field, so Word and LibreOffice count the pages). */
  void pageNumberFooter() {
    XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
    XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
    p.setAlignment(ParagraphAlignment.CENTER);
    singleSpacing(p);
    run(p, "— ", SONGTI, SIZE_4);
    CTR begin = run(p, "", SONGTI, SIZE_4).getCTR();
    begin.addNewFldChar().setFldCharType(STFldCharType.BEGIN);
    CTR instr = run(p, "", SONGTI, SIZE_4).getCTR();
    var text = instr.addNewInstrText();
    text.setStringValue(" PAGE ");
    text.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
    run(p, "", SONGTI, SIZE_4).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
    run(p, "1", SONGTI, SIZE_4);
    run(p, "", SONGTI, SIZE_4).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    run(p, " —", SONGTI, SIZE_4);
  }

  /** A red note in the header of every page, e.g. "初稿 仅供审核". */
  void headerNote(String note) {
    XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
    XWPFParagraph p = header.getParagraphs().isEmpty() ? header.createParagraph() : header.getParagraphs().get(0);
    p.setAlignment(ParagraphAlignment.RIGHT);
    singleSpacing(p);
    XWPFRun r = run(p, note, HEITI, SIZE_4);
    r.setColor("C00000");
    r.setBold(true);
  }

  // ---------------------------------------------------------------- paragraphs

  /**
   * The document title: 方正小标宋简体 二号, centred. Each element of {@code lines} starts a new line (a line break,
   * not a new paragraph), so that a title can be broken at a meaningful place instead of inside a document number.
   */
  XWPFParagraph title(String... lines) {
    XWPFParagraph p = paragraph(ParagraphAlignment.CENTER, 0, TITLE_LINE_TWIPS);
    p.setKeepNext(true);
    noAutoSpace(p);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        run(p, "", XIAOBIAOSONG, SIZE_2).addBreak();
      }
      run(p, lines[i], XIAOBIAOSONG, SIZE_2);
    }
    return p;
  }

  /** Characters of 二号 that fit on one line of the type area (20). */
  static final int TITLE_CHARS_PER_LINE = TEXT_WIDTH / (SIZE_2 * 20);

  /**
   * Packs title segments into lines of at most {@link #TITLE_CHARS_PER_LINE} characters, so that a line breaks
   * between segments (never inside a document number). A segment longer than a line gets a line of its own and
   * wraps there. Digits are counted generously (0.6 of a character, plus the gap Word may put around them).
   */
  static List<String> packTitle(List<String> segments) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String segment : segments) {
      if (line.length() > 0 && titleWidth(line + segment) > TITLE_CHARS_PER_LINE) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(segment);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  static double titleWidth(String text) {
    double width = 0;
    boolean inAscii = false;
    for (int i = 0; i < text.length(); i++) {
      boolean ascii = text.charAt(i) < 0x2E80;
      width += ascii ? 0.6 : 1;
      if (ascii && !inAscii) {
        width += 0.5;
      }
      inAscii = ascii;
    }
    return width;
  }

  /** A centred line in the given font, 三号. */
  XWPFParagraph centred(String text, String font) {
    XWPFParagraph p = paragraph(ParagraphAlignment.CENTER, 0, BODY_LINE_TWIPS);
    run(p, text, font, SIZE_3);
    return p;
  }

  /** 一、 level heading: 黑体 三号, indented two characters. */
  XWPFParagraph heading1(String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 2 * CHAR_TWIPS, BODY_LINE_TWIPS);
    p.setKeepNext(true);
    run(p, text, HEITI, SIZE_3);
    return p;
  }

  /** （一） level heading: 楷体_GB2312 三号, indented two characters. */
  XWPFParagraph heading2(String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 2 * CHAR_TWIPS, BODY_LINE_TWIPS);
    p.setKeepNext(true);
    run(p, text, KAITI, SIZE_3);
    return p;
  }

  /** Body text, 仿宋_GB2312 三号, justified, first line indented two characters; one paragraph per line of text. */
  List<XWPFParagraph> body(String text) {
    List<XWPFParagraph> result = new ArrayList<>();
    for (String line : lines(text)) {
      XWPFParagraph p = paragraph(ParagraphAlignment.BOTH, 2 * CHAR_TWIPS, BODY_LINE_TWIPS);
      run(p, line, FANGSONG, SIZE_3);
      result.add(p);
    }
    return result;
  }

  /** A body paragraph that stays on the page of what follows (the sentence introducing a table). */
  XWPFParagraph intro(String text) {
    XWPFParagraph p = body(text).get(0);
    p.setKeepNext(true);
    return p;
  }

  /** A body paragraph starting with a label in 黑体 ("综合得分：") followed by 仿宋 text. */
  XWPFParagraph labelled(String label, String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH, 2 * CHAR_TWIPS, BODY_LINE_TWIPS);
    run(p, label, HEITI, SIZE_3);
    run(p, text, FANGSONG, SIZE_3);
    return p;
  }

  /** A flush-left line in the given font (附件 label, 附件说明 continuation). */
  XWPFParagraph flushLeft(String text, String font, int indentLeftTwips) {
    XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 0, BODY_LINE_TWIPS);
    if (indentLeftTwips > 0) {
      p.setIndentationLeft(indentLeftTwips);
    }
    run(p, text, font, SIZE_3);
    return p;
  }

  /** A right-aligned line (signature, date) with the given right indent. */
  XWPFParagraph rightAligned(String text, int indentRightTwips) {
    XWPFParagraph p = paragraph(ParagraphAlignment.RIGHT, 0, BODY_LINE_TWIPS);
    p.setIndentationRight(indentRightTwips);
    run(p, text, FANGSONG, SIZE_3);
    return p;
  }

  XWPFParagraph blankLine() {
    XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 0, BODY_LINE_TWIPS);
    run(p, "", FANGSONG, SIZE_3);
    return p;
  }

  /** A centred paragraph for a chart: single line spacing, since an exact line height would clip the drawing. */
  XWPFParagraph chartParagraph() {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    singleSpacing(p);
    return p;
  }

  /** An empty paragraph that starts a new page. */
  XWPFParagraph pageBreakBefore(XWPFParagraph p) {
    p.setPageBreak(true);
    return p;
  }

  void bookmark(XWPFParagraph p, String name) {
    BigInteger id = BigInteger.valueOf(bookmarkId++);
    CTBookmark start = p.getCTP().insertNewBookmarkStart(0);
    start.setId(id);
    start.setName(name);
    p.getCTP().addNewBookmarkEnd().setId(id);
  }

  private XWPFParagraph paragraph(ParagraphAlignment alignment, int firstLineIndent, int lineTwips) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    if (firstLineIndent > 0) {
      p.setIndentationFirstLine(firstLineIndent);
    }
    CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    CTSpacing spacing = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
    spacing.setBefore(BigInteger.ZERO);
    spacing.setAfter(BigInteger.ZERO);
    spacing.setLine(BigInteger.valueOf(lineTwips));
    spacing.setLineRule(STLineSpacingRule.EXACT);
    return p;
  }

  /** Turns off the automatic space between CJK characters and digits or Latin letters. */
  private static void noAutoSpace(XWPFParagraph p) {
    CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    (ppr.isSetAutoSpaceDE() ? ppr.getAutoSpaceDE() : ppr.addNewAutoSpaceDE()).setVal(STOnOff1.OFF);
    (ppr.isSetAutoSpaceDN() ? ppr.getAutoSpaceDN() : ppr.addNewAutoSpaceDN()).setVal(STOnOff1.OFF);
  }

  private static void singleSpacing(XWPFParagraph p) {
    CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    CTSpacing spacing = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
    spacing.setBefore(BigInteger.ZERO);
    spacing.setAfter(BigInteger.ZERO);
    spacing.setLine(BigInteger.valueOf(240));
    spacing.setLineRule(STLineSpacingRule.AUTO);
  }

  /**
   * A run with the font set for every character range. Doubled clause marks are collapsed here, where every text
   * of the report passes, because entries typed by people are joined with the report's own punctuation.
   */
  static XWPFRun run(XWPFParagraph p, String text, String font, int sizePt) {
    XWPFRun r = p.createRun();
    font(r, font, sizePt);
    if (text != null && !text.isEmpty()) {
      r.setText(ReportText.tidy(text));
    }
    return r;
  }

  static void font(XWPFRun r, String font, int sizePt) {
    CTRPr rpr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
    CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
    fonts.setAscii(font);
    fonts.setHAnsi(font);
    fonts.setEastAsia(font);
    fonts.setCs(font);
    r.setFontSize(sizePt);
  }

  // ---------------------------------------------------------------- tables

  /**
   * A bordered table across the full type area: a bold 黑体 header row that repeats on each page, then the rows
   * in 仿宋_GB2312 小四. Widths are relative weights (twips summing to {@link #TEXT_WIDTH} are used as they are); {@code centred[i]} centres column i. Line breaks in a cell
   * become line breaks in Word.
   */
  XWPFTable table(List<String> headers, int[] weights, boolean[] centred, List<List<String>> rows) {
    int cols = headers.size();
    int[] widths = widths(weights);
    XWPFTable table = doc.createTable(rows.size() + 1, cols);
    table.setWidthType(TableWidthType.DXA);
    table.setWidth(String.valueOf(TEXT_WIDTH));
    table.setTableAlignment(TableRowAlign.CENTER);
    table.setCellMargins(0, 100, 0, 100);
    var single = XWPFTable.XWPFBorderType.SINGLE;
    table.setTopBorder(single, 4, 0, "000000");
    table.setBottomBorder(single, 4, 0, "000000");
    table.setLeftBorder(single, 4, 0, "000000");
    table.setRightBorder(single, 4, 0, "000000");
    table.setInsideHBorder(single, 4, 0, "000000");
    table.setInsideVBorder(single, 4, 0, "000000");
    CTTblPr tblPr = table.getCTTbl().getTblPr();
    (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
    CTTblGrid grid = table.getCTTbl().getTblGrid() != null
        ? table.getCTTbl().getTblGrid()
        : table.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int w : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(w));
    }

    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    header.setCantSplitRow(true);
    for (int c = 0; c < cols; c++) {
      cell(header.getCell(c), headers.get(c), widths[c], true, true);
    }
    for (int r = 0; r < rows.size(); r++) {
      XWPFTableRow row = table.getRow(r + 1);
      row.setCantSplitRow(true);
      List<String> values = rows.get(r);
      for (int c = 0; c < cols; c++) {
        String value = c < values.size() ? values.get(c) : "";
        cell(row.getCell(c), value, widths[c], false, centred != null && c < centred.length && centred[c]);
      }
    }
    return table;
  }

  private static int[] widths(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int[] widths = new int[weights.length];
    int used = 0;
    for (int i = 0; i < weights.length; i++) {
      widths[i] = i == weights.length - 1 ? TEXT_WIDTH - used : TEXT_WIDTH * weights[i] / total;
      used += widths[i];
    }
    return widths;
  }

  private static void cell(XWPFTableCell cell, String text, int width, boolean header, boolean centred) {
    cell.setWidthType(TableWidthType.DXA);
    cell.setWidth(String.valueOf(width));
    cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
    if (header) {
      cell.setColor("F2F2F2");
    }
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(centred ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
    CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    CTSpacing spacing = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
    spacing.setBefore(BigInteger.valueOf(40));
    spacing.setAfter(BigInteger.valueOf(40));
    spacing.setLine(BigInteger.valueOf(360));
    spacing.setLineRule(STLineSpacingRule.EXACT);
    // no extra quarter-em around digits and Latin letters: dates fit their narrow column
    noAutoSpace(p);
    String font = header ? HEITI : FANGSONG;
    List<String> lines = lines(text);
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        run(p, "", font, SIZE_SMALL_4).addBreak();
      }
      run(p, lines.get(i), font, SIZE_SMALL_4);
    }
  }

  // ---------------------------------------------------------------- text

  /** Non-blank lines of a multi-line text; a blank text gives one empty line. */
  static List<String> lines(String text) {
    List<String> result = new ArrayList<>();
    if (text != null) {
      for (String line : text.split("\\R")) {
        if (!line.isBlank()) {
          result.add(line.strip());
        }
      }
    }
    if (result.isEmpty()) {
      result.add("");
    }
    return result;
  }

  /** Display width in 三号 characters: a CJK or full-width character counts 1, an ASCII character ½. */
  static double displayWidth(String text) {
    double width = 0;
    for (int i = 0; i < text.length(); i++) {
      width += text.charAt(i) < 0x2E80 ? 0.5 : 1;
    }
    return width;
  }
}

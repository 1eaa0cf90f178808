package cn.jiyuan.decisionreview.form;

import cn.jiyuan.decisionreview.shared.FormValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts of money as a person reads them: digit groups of three and 元, e.g. 180,000 元 or 1,234.50 元 — the
 * same everywhere an amount is shown. form-js 1.8.7 text views cannot format numbers, so task create listeners
 * put this text into a display variable.
 */
public final class Amounts {

  private Amounts() {}

  /** The amount in 元, or null when the value is missing or not a number. */
  public static String yuan(Object value) {
    Double number = FormValues.number(value);
    if (number == null || number.isNaN() || number.isInfinite()) {
      return null;
    }
    BigDecimal amount = BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP);
    boolean whole = amount.remainder(BigDecimal.ONE).signum() == 0;
    DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount) + " 元";
  }
}

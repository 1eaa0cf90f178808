package cn.jiyuan.decisionreview.agency;

/**
 * What the start form "登记或变更评估机构" (forms/agency-registration.form) submits, as raw as it arrives:
 * the type is a code still to be checked, the argued decisions one document number per line, the sanction
 * date a "YYYY-MM-DD" string. {@link AgencyService#register} validates and converts it.
 *
 * <p>The constants are the process variable names, shared with the form.
 */
public record AgencyRegistration(
    String id,
    String name,
    String type,
    Boolean creditGood,
    String creditRecord,
    Boolean hasFacilities,
    String facilities,
    Boolean staffQualified,
    String staffQualifications,
    String affiliatedUnit,
    String argumentedDecisions,
    String contact,
    String sanctionDate,
    String sanctionReason) {

  public static final String AGENCY_ID = "agencyId";
  public static final String AGENCY_NAME = "agencyName";
  public static final String AGENCY_TYPE = "agencyType";
  public static final String CREDIT_GOOD = "creditGood";
  public static final String CREDIT_RECORD = "creditRecord";
  public static final String HAS_FACILITIES = "hasFacilities";
  public static final String FACILITIES = "facilities";
  public static final String STAFF_QUALIFIED = "staffQualified";
  public static final String STAFF_QUALIFICATIONS = "staffQualifications";
  public static final String AFFILIATED_UNIT = "affiliatedUnit";
  public static final String ARGUMENTED_DECISIONS = "argumentedDecisions";
  public static final String CONTACT = "contact";
  public static final String SANCTION_DATE = "sanctionDate";
  public static final String SANCTION_REASON = "sanctionReason";

  /** The select's "none" option for {@link #AFFILIATED_UNIT}; blank means the same. */
  public static final String NO_AFFILIATION = "none";
}

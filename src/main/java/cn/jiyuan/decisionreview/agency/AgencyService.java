package cn.jiyuan.decisionreview.agency;

import static cn.jiyuan.decisionreview.agency.AgencyRegistration.AFFILIATED_UNIT;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.AGENCY_ID;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.AGENCY_NAME;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.AGENCY_TYPE;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.ARGUMENTED_DECISIONS;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.CONTACT;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.CREDIT_RECORD;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.FACILITIES;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.SANCTION_DATE;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.SANCTION_REASON;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.STAFF_QUALIFICATIONS;

import cn.jiyuan.decisionreview.agency.Agency.Sanction;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.SelectOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency register kept by legal-affairs (Art. 21, 22, 25): registration and change, the select options
 * for choosing an agency, and the inputs of the DMN {@code agencyEligibility}.
 *
 * <p>Argued decisions and sanctions are facts of record: a change adds to them and never removes them, so
 * that a later edit (the start form loads no earlier values) cannot wipe out an Art. 25 sanction or a
 * Decree 713 Art. 36 ¶2 conflict.
 */
@Service
public class AgencyService {

  static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** Camunda group ids are at most 64 characters, and the group is "agency-" + id. */
  static final int MAX_ID_LENGTH = 64 - Groups.AGENCY_PREFIX.length();
  static final int MAX_NAME_LENGTH = 255;
  static final int MAX_TEXT_LENGTH = 4000;
  /** A document number such as 济政〔2026〕3号, after {@link #normalizeDecisionNumber}. */
  static final Pattern DECISION_NUMBER = Pattern.compile("\\p{IsHan}{1,20}〔\\d{4}〕\\d{1,5}号");
  static final String SYSTEM_USER = "system";

  private final AgencyRepository repository;
  private final AgencyGroups groups;
  private final Clock clock;

  /** @param clock the application's BeijingClock, or a fixed clock in tests */
  public AgencyService(AgencyRepository repository, AgencyGroups groups, Clock clock) {
    this.repository = repository;
    this.groups = groups;
    this.clock = clock;
  }

  /**
   * Registers a new agency or changes the one with the same id, creates its group "agency-&lt;id&gt;" if
   * missing and lets it work in Tasklist.
   *
   * @throws FormFieldValidationException with a Chinese message naming the rule, on bad input
   */
  @Transactional
  public Agency register(AgencyRegistration input, String userId) {
    String id = trim(input.id());
    if (id == null || id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
      throw refuse(AGENCY_ID, "机构编号只能由小写字母和数字组成，可用连字符分隔（如 zzu-policy），且不超过"
          + MAX_ID_LENGTH + "个字符");
    }
    String name = trim(input.name());
    if (name == null) {
      throw refuse(AGENCY_NAME, "请填写机构名称");
    }
    limit(AGENCY_NAME, "机构名称", name, MAX_NAME_LENGTH);
    Agency.Type type = Agency.Type.parse(input.type()).orElseThrow(() -> refuse(AGENCY_TYPE,
        "机构类型无效，应为高等学校、科研机构、律师事务所、社会组织、咨询机构或其他"));
    String creditRecord = limit(CREDIT_RECORD, "信用记录说明", trim(input.creditRecord()), MAX_TEXT_LENGTH);
    String facilities = limit(FACILITIES, "设备、设施说明", trim(input.facilities()), MAX_TEXT_LENGTH);
    String staffQualifications =
        limit(STAFF_QUALIFICATIONS, "人员专业素质说明", trim(input.staffQualifications()), MAX_TEXT_LENGTH);
    String contact = limit(CONTACT, "联系方式", trim(input.contact()), MAX_NAME_LENGTH);
    String affiliatedUnit = affiliatedUnit(input.affiliatedUnit());
    List<String> argued = parseDecisionNumbers(input.argumentedDecisions());
    Sanction sanction = sanction(input.sanctionDate(), input.sanctionReason(), userId);

    Instant now = clock.instant();
    Optional<Agency> existing = repository.find(id);
    Agency agency = new Agency(id, name, type, bool(input.creditGood()), creditRecord, bool(input.hasFacilities()),
        facilities, bool(input.staffQualified()), staffQualifications, affiliatedUnit, contact, List.of(), List.of(),
        existing.map(Agency::createdAt).orElse(now), now);
    repository.save(agency);
    repository.addArguedDecisions(id, argued);
    if (sanction != null) {
      repository.addSanction(id, sanction);
    }
    groups.ensureAgencyGroup(groupId(id), name);
    return repository.find(id).orElseThrow();
  }

  public List<Agency> listAll() {
    return repository.findAll();
  }

  public Optional<Agency> find(String id) {
    return id == null ? Optional.empty() : repository.find(id.trim());
  }

  /** Options for a Camunda Form select: [{label: "郑州大学公共政策研究中心（高等学校）", value: "demo"}]. */
  public List<SelectOption> selectOptions() {
    return listAll().stream().map(agency -> new SelectOption(agency.label(), agency.id())).toList();
  }

  /**
   * The inputs of the DMN {@code agencyEligibility} (DESIGN.md §5) for commissioning {@code agencyId} to
   * evaluate {@code decisionNumber}, executed by the unit {@code executingUnit} (its group id).
   *
   * @throws FormFieldValidationException (field agencyId) if the agency is not in the register
   */
  public Map<String, Object> eligibilityInput(String agencyId, String decisionNumber, String executingUnit) {
    Agency agency = find(agencyId).orElseThrow(() -> refuse(AGENCY_ID,
        "评估机构名录中没有编号为“" + agencyId + "”的机构，请先由市司法局登记（第二十二条）"));
    String number = decisionNumber == null ? null : normalizeDecisionNumber(decisionNumber);
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("agencyType", agency.type().name());
    input.put("creditGood", agency.creditGood());
    input.put("hasFacilities", agency.hasFacilities());
    input.put("staffQualified", agency.staffQualified());
    input.put("involvedInPreDecisionArgumentation", number != null && agency.arguedDecisions().contains(number));
    input.put("affiliatedWithExecutingUnit",
        executingUnit != null && agency.affiliatedUnit() != null && agency.affiliatedUnit().equals(executingUnit.trim()));
    input.put("sanctioned", agency.sanctioned());
    return input;
  }

  /** The agency's Camunda group: "agency-" + id. */
  public String groupId(String agencyId) {
    return Groups.AGENCY_PREFIX + agencyId;
  }

  /**
   * One document number per line (commas, semicolons and 、 also separate), normalised as decision-tracking
   * does ({@link DecisionNumber#normalise}: brackets typed as [], （）, 【】 become 〔〕, full-width digits ASCII,
   * spaces go), so that the numbers compare equal to the tracked ones.
   */
  static List<String> parseDecisionNumbers(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Set<String> numbers = new LinkedHashSet<>();
    String[] lines = text.split("\\r?\\n|\\r");
    for (int i = 0; i < lines.length; i++) {
      for (String part : lines[i].split("[,，;；、]")) {
        if (part.isBlank()) {
          continue;
        }
        String number = normalizeDecisionNumber(part);
        if (!DECISION_NUMBER.matcher(number).matches()) {
          throw refuse(ARGUMENTED_DECISIONS, "第" + (i + 1) + "行“" + part.strip() + "”不是有效的决策文号，"
              + "应每行一个，形如 济政〔2026〕3号");
        }
        numbers.add(number);
      }
    }
    return List.copyOf(numbers);
  }

  /** The one normalisation of decision numbers ({@link DecisionNumber#normalise}); "" when nothing is left. */
  static String normalizeDecisionNumber(String raw) {
    String number = DecisionNumber.normalise(raw);
    return number == null ? "" : number;
  }

  private String affiliatedUnit(String raw) {
    String unit = trim(raw);
    if (unit == null || AgencyRegistration.NO_AFFILIATION.equals(unit)) {
      return null;
    }
    if (!groups.executingUnitExists(unit)) {
      throw refuse(AFFILIATED_UNIT, "执行单位“" + unit + "”不存在，请从列表中选择，没有隶属或利害关系的选“无”");
    }
    return unit;
  }

  private Sanction sanction(String rawDate, String rawReason, String userId) {
    String dateText = trim(rawDate);
    String reason = trim(rawReason);
    if (dateText == null && reason == null) {
      return null;
    }
    if (dateText == null) {
      throw refuse(SANCTION_DATE, "填写了处理事由，还须填写处理日期（第二十五条）");
    }
    if (reason == null) {
      throw refuse(SANCTION_REASON, "填写了处理日期，还须填写处理事由（第二十五条）");
    }
    limit(SANCTION_REASON, "处理事由", reason, MAX_TEXT_LENGTH);
    LocalDate date;
    try {
      // Forms send "YYYY-MM-DD"; an API caller may send a date-time, whose date part counts.
      date = LocalDate.parse(dateText.length() > 10 && dateText.charAt(10) == 'T' ? dateText.substring(0, 10) : dateText);
    } catch (DateTimeParseException e) {
      throw refuse(SANCTION_DATE, "处理日期“" + dateText + "”格式不正确，应为 YYYY-MM-DD，如 2025-06-30");
    }
    if (date.isAfter(LocalDate.now(clock.withZone(BeijingClock.ZONE)))) {
      throw refuse(SANCTION_DATE, "处理日期不能晚于今天");
    }
    String recordedBy = trim(userId) == null ? SYSTEM_USER : userId.trim();
    return new Sanction(date, reason, recordedBy, clock.instant());
  }

  private static String limit(String field, String label, String value, int max) {
    if (value != null && value.length() > max) {
      throw refuse(field, label + "不能超过" + max + "个字");
    }
    return value;
  }

  private static boolean bool(Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  private static String trim(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  static FormFieldValidationException refuse(String field, String message) {
    return new FormFieldValidationException(field, message);
  }
}

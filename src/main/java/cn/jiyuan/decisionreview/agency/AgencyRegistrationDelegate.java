package cn.jiyuan.decisionreview.agency;

import static cn.jiyuan.decisionreview.agency.AgencyRegistration.AFFILIATED_UNIT;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.AGENCY_ID;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.AGENCY_NAME;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.AGENCY_TYPE;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.ARGUMENTED_DECISIONS;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.CONTACT;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.CREDIT_GOOD;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.CREDIT_RECORD;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.FACILITIES;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.HAS_FACILITIES;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.SANCTION_DATE;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.SANCTION_REASON;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.STAFF_QUALIFICATIONS;
import static cn.jiyuan.decisionreview.agency.AgencyRegistration.STAFF_QUALIFIED;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * "保存机构名录" in agency-registration (Art. 21, 22, 25). Runs in the start transaction: a refusal from
 * {@link AgencyService#register} rolls the start back, so no instance and no register row remain, and the
 * caller sees the Chinese message (HTTP 400). Sets the business key to the agency id.
 */
@Component("agencyRegistrationDelegate")
public class AgencyRegistrationDelegate implements JavaDelegate {

  private final AgencyService agencies;

  public AgencyRegistrationDelegate(AgencyService agencies) {
    this.agencies = agencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgencyRegistration input = new AgencyRegistration(
        text(execution, AGENCY_ID), text(execution, AGENCY_NAME), text(execution, AGENCY_TYPE),
        bool(execution, CREDIT_GOOD), text(execution, CREDIT_RECORD),
        bool(execution, HAS_FACILITIES), text(execution, FACILITIES),
        bool(execution, STAFF_QUALIFIED), text(execution, STAFF_QUALIFICATIONS),
        text(execution, AFFILIATED_UNIT), text(execution, ARGUMENTED_DECISIONS), text(execution, CONTACT),
        text(execution, SANCTION_DATE), text(execution, SANCTION_REASON));
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Agency agency = agencies.register(input, user == null ? null : user.getUserId());
    execution.setProcessBusinessKey(agency.id());
    execution.setVariable(AGENCY_ID, agency.id());
  }

  /** Strings as forms send them; a Date or a Json/collection list from an API caller is accepted too. */
  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Date date) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(date.toInstant().atZone(BeijingClock.ZONE));
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }
    if (value instanceof SpinJsonNode json && json.isArray()) {
      return json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString())
          .collect(Collectors.joining("\n"));
    }
    return value.toString();
  }

  /** Booleans as forms send them; "true"/"false" strings from API callers count too. */
  static Boolean bool(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && !s.isBlank()) {
      return Boolean.parseBoolean(s.strip());
    }
    return null;
  }
}

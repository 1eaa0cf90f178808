package cn.jiyuan.decisionreview.rectification;

import cn.jiyuan.decisionreview.deadline.TaskDeadlines;
import cn.jiyuan.decisionreview.evaluation.AuthorityItemDecision;
import cn.jiyuan.decisionreview.evaluation.PreviousRectification;
import cn.jiyuan.decisionreview.evaluation.Recommendation;
import cn.jiyuan.decisionreview.evaluation.RecommendationDecision;
import cn.jiyuan.decisionreview.evaluation.RecommendationKind;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Rectification items (整改事项, Art. 16, 17): made from the recommendations of an approved report, carried by the
 * responsible unit and reviewed by legal-affairs, read by the registry, the 督办 page, the annual assessment and the
 * next evaluation of the same decision. Plain code over {@link RectificationItems}; the steps of the processes call it.
 */
@Service
@CarriesOut({"第十六条", "第十七条"})
public class RectificationService {

  /** The task key whose taskDeadline row gives the reminder lead for an item's deadline. */
  public static final String IMPLEMENT_TASK = "Task_ImplementRectification";

  private final RectificationItems items;
  private final TaskDeadlines deadlines;
  private final Directory directory;
  private final BeijingClock clock;

  public RectificationService(RectificationItems items, TaskDeadlines deadlines, Directory directory,
      BeijingClock clock) {
    this.items = items;
    this.deadlines = deadlines;
    this.directory = directory;
    this.clock = clock;
  }

  /** What 决策机关审定 decided about the report's recommendations. */
  public record Approval(String evaluationInstanceId, String trackingInstanceId, String decisionNumber,
      List<Recommendation> recommendations, List<RecommendationDecision> decisions, String decidedBy) {}

  /** A created item with its reminder date, for the start of its rectification process. */
  public record Created(RectificationItem item, Date dueAt, Date remindAt) {}

  /**
   * One row per recommendation: accepted or modified ones open with a deadline counted in Chinese working days from
   * the day after approval (due 17:30), rejected ones are kept as REJECTED for the record. Idempotent per evaluation:
   * a second call (a retried job) creates nothing.
   */
  public List<Created> createFromApproval(Approval approval) {
    if (!items.ofEvaluation(approval.evaluationInstanceId()).isEmpty()) {
      return List.of();
    }
    LocalDate today = clock.today();
    Instant now = clock.instant();
    Integer lead = deadlines.plan(IMPLEMENT_TASK).reminderWorkingDays();
    List<Created> created = new ArrayList<>();
    List<Recommendation> recs = approval.recommendations() == null ? List.of() : approval.recommendations();
    for (int i = 0; i < recs.size(); i++) {
      Recommendation r = recs.get(i);
      RecommendationDecision d = approval.decisions() != null && i < approval.decisions().size()
          ? approval.decisions().get(i) : null;
      AuthorityItemDecision decision = d == null || d.decisionCode() == null ? AuthorityItemDecision.ACCEPT
          : d.decisionCode();
      String text = decision == AuthorityItemDecision.MODIFY ? d.modifiedText().strip() : r.text().strip();
      int days = r.workingDays() == null ? Recommendation.MIN_DAYS : r.workingDays();
      boolean rejected = decision == AuthorityItemDecision.REJECT;
      Date[] dates = rejected ? new Date[] {null, null}
          : deadlines.dates(today, new TaskDeadlines.Plan(days, lead));
      RectificationItem item = new RectificationItem(UUID.randomUUID().toString(), approval.evaluationInstanceId(),
          approval.trackingInstanceId(), approval.decisionNumber(), i + 1, r.text().strip(), text, decision,
          approval.decidedBy(), r.responsibleUnit(), r.kindCode() == null ? RecommendationKind.OTHER : r.kindCode(),
          days, dates[0] == null ? null : dates[0].toInstant(),
          rejected ? RectificationStatus.REJECTED : RectificationStatus.OPEN, null, null, null, null, null, null,
          null, null, null, null, null, 0, now, null);
      items.insert(item);
      if (!rejected) {
        created.add(new Created(item, dates[0], dates[1]));
      }
    }
    return created;
  }

  public void attachInstance(String itemId, String rectificationInstanceId) {
    items.attachInstance(itemId, rectificationInstanceId);
  }

  /** 落实整改事项 completed: the unit's measures, evidence and status; the item waits for review. */
  public void reported(String itemId, String measures, String evidence, UnitStatus status, String reason,
      String userId) {
    items.reported(itemId, measures, evidence, status, status == UnitStatus.IMPOSSIBLE || status == UnitStatus.PARTIAL
        ? reason : null, userId, clock.instant());
  }

  /** 整改情况审核 completed: accepted closes the item, returned sends it back to the unit. */
  public void reviewed(String itemId, ReviewOutcome outcome, String remark, String userId) {
    items.reviewed(itemId, outcome, remark, userId, clock.instant());
  }

  public Optional<RectificationItem> find(String itemId) {
    return items.find(itemId);
  }

  /** Every item of a tracking's evaluations, oldest evaluation first (the registry's view of one decision). */
  public List<RectificationView> itemsOfTracking(String trackingProcessInstanceId) {
    return views(items.ofTracking(trackingProcessInstanceId));
  }

  /** The items of one evaluation, in the report's order. */
  public List<RectificationView> itemsOfEvaluation(String evaluationProcessInstanceId) {
    return views(items.ofEvaluation(evaluationProcessInstanceId));
  }

  /** The items of a decision (any spelling already normalised), grouped per evaluation, oldest first. */
  public List<EvaluationRectifications> evaluationsOfDecision(String decisionNumber) {
    return grouped(items.ofDecision(decisionNumber));
  }

  /** The same per evaluation of a tracking, as proposed for {@code GET /api/decisions/{n}}. */
  public List<EvaluationRectifications> evaluationsOfTracking(String trackingProcessInstanceId) {
    return grouped(items.ofTracking(trackingProcessInstanceId));
  }

  /** One evaluation's items and their counts. */
  public record EvaluationRectifications(String evaluationProcessInstanceId, RectificationCounts counts,
      List<RectificationView> items) {}

  public RectificationCounts countsOfEvaluation(String evaluationProcessInstanceId) {
    return RectificationCounts.of(items.ofEvaluation(evaluationProcessInstanceId), clock.instant());
  }

  /**
   * The items of the decision's latest earlier evaluation that has any (Art. 16: the next evaluation starts from
   * them), in the report's order; empty when there is none.
   */
  public List<PreviousRectification> previousOf(String decisionNumber, String currentEvaluationInstanceId) {
    List<RectificationItem> all = items.ofDecision(decisionNumber).stream()
        .filter(i -> !i.evaluationInstanceId().equals(currentEvaluationInstanceId)).toList();
    if (all.isEmpty()) {
      return List.of();
    }
    String latest = all.get(all.size() - 1).evaluationInstanceId();
    return all.stream().filter(i -> i.evaluationInstanceId().equals(latest)).map(i -> new PreviousRectification(
        i.seq(), i.text(), directory.groupName(i.responsibleUnit()), i.kind().label(), date(i.dueAt()),
        i.status().name(), label(i), i.unitStatus() == null ? "" : i.unitStatus().label(),
        i.measures() == null ? "" : i.measures())).toList();
  }

  /** The Chinese lines 确定评估方式 and the report show for the previous items; 无 when there are none. */
  public static String previousText(List<PreviousRectification> previous) {
    if (previous.isEmpty()) {
      return "无（该决策此前的评估没有形成整改事项）。";
    }
    return previous.stream().map(p -> p.no() + ". " + p.text() + "（责任单位：" + p.unitName() + "；类别：" + p.kindLabel()
        + (p.dueDate().isEmpty() ? "" : "；整改期限：" + p.dueDate()) + "；状态：" + p.statusLabel()
        + (p.unitStatusLabel().isEmpty() ? "" : "，单位报告" + p.unitStatusLabel())
        + (p.measures().isEmpty() ? "" : "；措施：" + p.measures()) + "）").collect(Collectors.joining("\n"));
  }

  /** Counts per responsible unit at {@code now} of the items created before it (督办, annual assessment). */
  public Map<String, RectificationCounts> countsPerUnit(Instant now) {
    Map<String, List<RectificationItem>> perUnit = items.createdBefore(now.plusMillis(1)).stream()
        .collect(Collectors.groupingBy(RectificationItem::responsibleUnit, TreeMap::new, Collectors.toList()));
    Map<String, RectificationCounts> counts = new LinkedHashMap<>();
    perUnit.forEach((unit, list) -> counts.put(unit, RectificationCounts.of(list, now)));
    return counts;
  }

  /** One responsible unit's items: its group id, its name, and the counts. */
  public record UnitRectifications(String unit, String unitName, RectificationCounts counts) {}

  /** {@link #countsPerUnit} with the units' names, in the order of their ids. */
  public List<UnitRectifications> units(Instant now) {
    return countsPerUnit(now).entrySet().stream()
        .map(e -> new UnitRectifications(e.getKey(), directory.groupName(e.getKey()), e.getValue())).toList();
  }

  /** Counts per decision number at {@code now}, for the 督办 board's rows. */
  public Map<String, RectificationCounts> countsPerDecision(java.util.Collection<String> decisionNumbers,
      Instant now) {
    Map<String, RectificationCounts> counts = new LinkedHashMap<>();
    items.ofDecisions(decisionNumbers).stream()
        .collect(Collectors.groupingBy(RectificationItem::decisionNumber, LinkedHashMap::new, Collectors.toList()))
        .forEach((number, list) -> counts.put(number, RectificationCounts.of(list, now)));
    return counts;
  }

  private List<EvaluationRectifications> grouped(List<RectificationItem> all) {
    Instant now = clock.instant();
    Map<String, List<RectificationItem>> per = all.stream()
        .collect(Collectors.groupingBy(RectificationItem::evaluationInstanceId, LinkedHashMap::new, Collectors.toList()));
    List<EvaluationRectifications> out = new ArrayList<>();
    per.forEach((pid, list) -> out.add(new EvaluationRectifications(pid, RectificationCounts.of(list, now),
        views(list))));
    return out;
  }

  private List<RectificationView> views(List<RectificationItem> list) {
    Instant now = clock.instant();
    return list.stream().map(i -> new RectificationView(i.id(), i.evaluationInstanceId(),
        i.rectificationInstanceId(), i.decisionNumber(), i.seq(), i.text(), i.originalText(),
        i.authorityDecision().name(), i.authorityDecision().label(), i.responsibleUnit(),
        directory.groupName(i.responsibleUnit()), i.kind().name(), i.kind().label(), i.deadlineWorkingDays(),
        date(i.dueAt()), i.status().name(), label(i), i.overdueAt(now),
        i.unitStatus() == null ? null : i.unitStatus().name(), i.unitStatus() == null ? null : i.unitStatus().label(),
        i.unitReason(), i.measures(), i.reviewOutcome() == null ? null : i.reviewOutcome().name(), i.reviewRemark(),
        i.returnCount(), time(i.createdAt()), time(i.reportedAt()), time(i.closedAt()))).toList();
  }

  private String label(RectificationItem i) {
    return i.overdueAt(clock.instant()) ? i.status().label() + "（已逾期）" : i.status().label();
  }

  private static String date(Instant i) {
    return i == null ? "" : i.atZone(BeijingClock.ZONE).toLocalDate().toString();
  }

  private static String time(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, BeijingClock.ZONE).toString();
  }

  /** ISO 8601 with the Beijing offset, as {@code camunda:dueDate} parses it. */
  public static String iso(Date date) {
    return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), BeijingClock.ZONE).toString();
  }
}

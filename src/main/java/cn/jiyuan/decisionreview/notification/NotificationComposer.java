package cn.jiyuan.decisionreview.notification;

import cn.jiyuan.decisionreview.notification.Notification.Channel;
import cn.jiyuan.decisionreview.notification.Notification.Kind;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.OrganisationProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Chinese subject and body per {@link Kind}, and the recipients of users and groups: a user's e-mail from
 * the engine's identity service (LOG with the user id when the user has none or mail is not configured),
 * a group's members the same way plus the group's webhook from {@code decision-review.notification.webhooks}.
 */
@Component
public class NotificationComposer {

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(BeijingClock.ZONE);
  private static final String FOOTER = "\n\n此消息由重大行政决策跟踪反馈与后评估系统自动发送，请勿直接回复。";

  /**
   * What a notification is about. Only {@code taskId} or {@code processInstanceId} may be null, not both. A 督办
   * ({@code OVERDUE}, {@code ESCALATION}) also says its level (第N次督办, from 1) and the working days overdue; 0 elsewhere.
   */
  public record Context(String decisionNumber, String decisionTitle, String taskId, String taskName,
      String processInstanceId, Instant due, int escalationLevel, int workingDaysOverdue) {

    public Context(String decisionNumber, String decisionTitle, String taskId, String taskName,
        String processInstanceId, Instant due) {
      this(decisionNumber, decisionTitle, taskId, taskName, processInstanceId, due, 0, 0);
    }

    public Context escalation(int level, int workingDaysOverdue) {
      return new Context(decisionNumber, decisionTitle, taskId, taskName, processInstanceId, due, level,
          workingDaysOverdue);
    }
  }

  public record Message(String subject, String body) {}

  /** Where one notification goes: an e-mail address, a webhook URL or (LOG) a user id. */
  public record Recipient(Channel channel, String address) {}

  private final OrganisationProperties organisation;
  private final NotificationProperties notificationProperties;
  private final IdentityService identityService;
  private final boolean mailConfigured;

  @Autowired
  public NotificationComposer(OrganisationProperties organisation, NotificationProperties notificationProperties,
      IdentityService identityService, @Value("${spring.mail.host:}") String mailHost) {
    this.organisation = organisation;
    this.notificationProperties = notificationProperties;
    this.identityService = identityService;
    this.mailConfigured = StringUtils.hasText(mailHost);
  }

  /** One notification per distinct recipient of the given users and groups. */
  public List<Notification> compose(Kind kind, Context context, Collection<String> userIds,
      Collection<String> groupIds) {
    Set<Recipient> recipients = new LinkedHashSet<>();
    userIds.forEach(u -> recipients.addAll(recipientsOfUser(u)));
    groupIds.forEach(g -> recipients.addAll(recipientsOfGroup(g)));
    Message message = message(kind, context);
    // each further 督办 level once per recipient; the first keeps the key OVERDUE always had
    String occasion = kind == Kind.ESCALATION ? "level-" + context.escalationLevel() : null;
    List<Notification> result = new ArrayList<>();
    for (Recipient r : recipients) {
      result.add(Notification.of(kind, context.taskId(), context.processInstanceId(), context.decisionNumber(),
          r.channel(), r.address(), message.subject(), message.body(), occasion));
    }
    return result;
  }

  public List<Recipient> recipientsOfUser(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return List.of();
    }
    return List.of(recipientOf(user));
  }

  public List<Recipient> recipientsOfGroup(String groupId) {
    List<Recipient> recipients = new ArrayList<>();
    for (User member : identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
      recipients.add(recipientOf(member));
    }
    String webhook = notificationProperties.getWebhooks().get(groupId);
    if (StringUtils.hasText(webhook)) {
      recipients.add(new Recipient(Channel.WEBHOOK, webhook.trim()));
    }
    return recipients;
  }

  private Recipient recipientOf(User user) {
    return mailConfigured && StringUtils.hasText(user.getEmail())
        ? new Recipient(Channel.MAIL, user.getEmail().trim())
        : new Recipient(Channel.LOG, user.getId());
  }

  public Message message(Kind kind, Context c) {
    String decision = decision(c);
    String name = StringUtils.hasText(c.taskName()) ? c.taskName() : "待办任务";
    String task = StringUtils.hasText(c.taskName()) ? "“" + c.taskName() + "”" : "（无）";
    String due = c.due() == null ? "未设定" : DUE.format(c.due());
    String link = taskLink(c.taskId());
    String details = "\n\n决策：" + decision + "\n任务：" + task + "\n办理期限：" + due + "\n办理入口：" + link;
    return switch (kind) {
      case TASK_AVAILABLE -> new Message("【待办】" + decision + "：" + name,
          "您好：\n\n重大行政决策" + decision + "有一项新的待办任务" + task + "，请在" + due + "前登录系统办理。" + details + FOOTER);
      case REMINDER -> new Message("【催办】" + decision + "：" + name + "即将到期",
          "您好：\n\n重大行政决策" + decision + "的待办任务" + task + "将于" + due + "到期，请及时办理。" + details + FOOTER);
      case OVERDUE -> new Message("【逾期】" + decision + "：" + name + "已逾期" + level(c),
          "您好：\n\n重大行政决策" + decision + "的待办任务" + task + "已于" + due + "到期，至今尚未办结" + late(c)
              + "，" + (c.escalationLevel() > 0 ? "现进行第" + c.escalationLevel() + "次督办，" : "") + "请尽快办理。"
              + details + FOOTER);
      case ESCALATION -> new Message("【督办】" + decision + "：" + name + "已逾期" + level(c),
          "您好：\n\n重大行政决策" + decision + "的待办任务" + task + "已于" + due + "到期，至今尚未办结" + late(c)
              + "。现进行第" + c.escalationLevel() + "次督办，并同时报送决策机关。请责任单位立即办理，并向督办部门说明逾期原因。"
              + details + FOOTER);
      case EVALUATION_STARTED -> new Message("【后评估启动】" + decision,
          "您好：\n\n重大行政决策" + decision + "的后评估已启动，当前环节为" + task + "，办理期限：" + due + "。" + details + FOOTER);
      case REPORT_RESOLVED -> new Message("【评估报告办结】" + decision,
          "您好：\n\n重大行政决策" + decision + "的后评估报告已办结（" + task + "）。" + details + FOOTER);
    };
  }

  /** （第N次督办） in a subject; nothing when the context has no level. */
  private static String level(Context c) {
    return c.escalationLevel() > 0 ? "（第" + c.escalationLevel() + "次督办）" : "";
  }

  /** （已逾期N个工作日）; on the due date itself nothing is late yet. */
  private static String late(Context c) {
    return c.workingDaysOverdue() > 0 ? "，已逾期" + c.workingDaysOverdue() + "个工作日" : "";
  }

  /** The task in Tasklist; Tasklist's start page when there is no task. */
  public String taskLink(String taskId) {
    String base = organisation.publicBaseUrl().replaceAll("/+$", "");
    return taskId == null ? base + "/camunda/app/tasklist/default/"
        : base + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private static String decision(Context c) {
    String number = c.decisionNumber() == null ? "" : c.decisionNumber();
    String title = c.decisionTitle();
    if (!StringUtils.hasText(title)) {
      return number;
    }
    return number + (title.startsWith("《") ? title : "《" + title + "》");
  }
}

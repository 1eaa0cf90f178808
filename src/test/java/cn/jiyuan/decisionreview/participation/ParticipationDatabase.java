package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.evaluation.QuestionType;
import cn.jiyuan.decisionreview.support.ProjectTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh in-memory H2 with the project's tables, for the participation classes without an application. */
final class ParticipationDatabase {

  private ParticipationDatabase() {
  }

  static JdbcTemplate fresh() {
    return ProjectTables.fresh("participation");
  }

  /** The questions most tests use: one of each type. */
  static final List<SurveyQuestion> QUESTIONS = List.of(
      new SurveyQuestion("q1", "您对该政策的总体实施效果是否满意？", QuestionType.SCALE, true, List.of(), "EFFECT"),
      new SurveyQuestion("q2", "您是通过什么途径了解到这项政策的？", QuestionType.SINGLE, true,
          List.of("政府网站", "新闻媒体", "社区宣传"), null),
      new SurveyQuestion("q3", "您认为哪些方面需要改进？", QuestionType.MULTIPLE, false, List.of("宣传", "办理流程", "补贴标准"),
          "EXECUTION"),
      new SurveyQuestion("q4", "其他意见和建议", QuestionType.TEXT, false, List.of(), null));

  /** A survey open from an hour ago for {@code open} more. */
  static Survey survey(Instant now, Duration open) {
    return new Survey(Receipts.surveyId(), "pi-" + UUID.randomUUID(), "济政〔2026〕7号", "关于实施城乡居民养老补贴的决定",
        "EXECUTION", "城乡居民养老补贴政策实施情况调查问卷", QUESTIONS, now.minus(Duration.ofHours(1)), now.plus(open), null);
  }
}

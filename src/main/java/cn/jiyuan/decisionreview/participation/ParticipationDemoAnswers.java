package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.evaluation.DemoSurveyAnswers;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.OrganisationProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile: answer sheets spread over the time since the questionnaire opened, from distinct made-up addresses
 * (hashed like real ones), leaning to 满意 so that the results look like a real survey's. Seeded, so every demo
 * database shows the same figures.
 */
@Component
@Profile("demo")
public class ParticipationDemoAnswers implements DemoSurveyAnswers {

  private static final List<String> SUGGESTIONS = List.of("希望增加农村学校的师资配备。", "课后服务时间可以更灵活一些。",
      "建议公开收费标准和资金使用情况。", "", "活动内容可以更丰富，比如增加体育和艺术类课程。", "");

  private static final Logger LOG = LoggerFactory.getLogger(ParticipationDemoAnswers.class);

  private final SurveyStore surveys;
  private final AddressHashes addresses;
  private final BeijingClock clock;
  private final OrganisationProperties organisation;

  public ParticipationDemoAnswers(SurveyStore surveys, AddressHashes addresses, BeijingClock clock,
      OrganisationProperties organisation) {
    this.surveys = surveys;
    this.addresses = addresses;
    this.clock = clock;
    this.organisation = organisation;
  }

  @Override
  public void answer(String processInstanceId, int count) {
    Survey survey = surveys.findByProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("该评估没有网上问卷：" + processInstanceId));
    Random random = new Random(processInstanceId.hashCode());
    Instant now = clock.instant();
    // within the time the survey has been open, so that every sheet counts when it closes now
    long spanMillis = Math.max(1, Duration.between(survey.opensAt(), now).toMillis());
    for (int i = 0; i < count; i++) {
      Map<String, Object> answers = sheet(survey, random, i);
      Instant at = survey.opensAt().plusMillis(spanMillis * i / count);
      SurveyResponse response = new SurveyResponse(Receipts.next(at), survey.surveyId(), answers, at);
      surveys.addResponse(response, PublicSurveys.answersHash(answers), addresses.hash("198.51.100." + i));
    }
    // the id is random: a newcomer finds the demo questionnaire's address here
    LOG.info("演示问卷（{}，{} 份答卷）：{}/public/surveys/{}", survey.decisionNumber(), count,
        organisation.publicBaseUrl(), survey.surveyId());
  }

  private static Map<String, Object> sheet(Survey survey, Random random, int index) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (SurveyQuestion q : survey.questions()) {
      switch (q.type()) {
        case SCALE -> answers.put(q.id(), new int[] {5, 4, 4, 4, 3, 3, 2, 0}[random.nextInt(8)]);
        case SINGLE -> answers.put(q.id(), q.options().get(random.nextInt(q.options().size())));
        case MULTIPLE -> {
          List<String> picked = new ArrayList<>();
          for (String option : q.options()) {
            if (random.nextInt(3) == 0) {
              picked.add(option);
            }
          }
          if (picked.isEmpty()) {
            picked.add(q.options().get(0));
          }
          answers.put(q.id(), picked);
        }
        case TEXT -> {
          String text = SUGGESTIONS.get(index % SUGGESTIONS.size());
          if (!text.isEmpty()) {
            answers.put(q.id(), text);
          } else if (q.required()) {
            answers.put(q.id(), "无");
          }
        }
        default -> { }
      }
    }
    return answers;
  }
}

package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.security.EngineErrorMessages.Translation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The translation table, one row per engine message this project has seen; the Chinese text is the contract. */
class EngineErrorMessagesTest {

  @ParameterizedTest(name = "{0} {1} → {3}")
  @CsvSource(delimiter = '|', value = {
      // The toast prefix goes, the Chinese reason stays; a wrapped refusal is a 400
      "400|RestException|Cannot submit task form 3f2a-11: 请至少上传一份实施情况材料（第五条）。|400|请至少上传一份实施情况材料（第五条）。",
      "500|RestException|Cannot submit task form 3f2a-11: ENGINE-03051 There was an exception while invoking the TaskListener. Message: 'Exception while invoking TaskListener: 不是有效的列表数据'|400|不是有效的列表数据",
      "400|FormFieldValidationException|请选择自行评估或委托评估（第二十一条）。|400|请选择自行评估或委托评估（第二十一条）。",
      // the raw TASK_WORK error a read-only user got on 认领
      "403|AuthorizationException|The user with id 'ducha' does not have one of the following permissions: 'TASK_WORK' permission on resource 'abc' of type 'Task' or 'UPDATE' permission on resource 'abc' of type 'Task'|403|您无权认领或办理此任务。",
      "403|AuthorizationException|The user with id 'jyj' does not have 'UPDATE' permission on resource '12' of type 'ProcessInstance'.|403|您无权修改此流程实例（包括其作业、事件与变量）。",
      "403|AuthorizationException|The user with id 'jyj' does not have one of the following permissions: 'CREATE_INSTANCE' permission on resource 'decision-tracking' of type 'ProcessDefinition'|403|您无权发起此流程。",
      "403|AuthorizationException|The user with id 'jyj' does not have 'DELETE' permission on resource 'x' of type 'ProcessInstance'.|403|您无权删除该资源。",
      "403|AuthorizationException|The user with id 'x' does not have 'READ' permission on resource 'y' of type 'Task'.|403|您无权查看该资源。",
      "403|AuthorizationException|The user with id 'fgw' does not have one of the following permissions: 'UPDATE_VARIABLE' permission on resource 't' of type 'Task' or 'UPDATE' permission on resource 'p' of type 'ProcessInstance'|403|您无权修改这些变量。",
      "403|AuthorizationException|The user with id 'fgw' does not have one of the following permissions: 'TASK_ASSIGN' permission on resource 't' of type 'Task'|403|您无权指派此任务（指定办理人、委托或增减候选人）。",
      "403|AuthorizationException|The user with id 'ducha' does not have 'CREATE' permission on resource 'abc' of type 'Filter'.|403|您无权创建、修改或删除任务过滤器。",
      "403|AuthorizationException|The user with id 'ducha' does not have 'CREATE' permission on resource '*' of type 'User'.|403|您无权执行此管理操作。",
      "403|AuthorizationException|The user with id 'ducha' does not have 'CREATE' permission on resource '*' of type 'Batch'.|403|您无权执行批量操作。",
      // 500s of the engine for input that does not exist
      "500|RestException|Cannot complete task nope: Cannot find task with id nope: task is null|404|任务不存在或已办结。",
      "500|NullValueException|Cannot find task with id nope: task is null|404|任务不存在或已办结。",
      "500|NullValueException|execution 42 doesn't exist: execution is null|404|流程实例不存在或已结束。",
      "500|RestException|Cannot trigger message Nope for execution 42: Execution with id '42' does not have a subscription to a message event with name 'Nope': eventSubscriptions is empty|400|该执行没有等待消息“Nope”。",
      "500|ProcessEngineException|Unknown property used in expression: ${unit}. Cause: Cannot resolve identifier 'unit'|400|缺少办理所需的数据（unit）：请在发起或提交时一并提供。",
      "500|ProcessEngineException|The task cannot be deleted because is part of a running process|400|流程中的任务不能删除，只能办理。",
      // malformed values
      "500|RestException|Cannot modify variables for task 1: ENGINE-17007 Cannot set variable with name x. Java serialization format is prohibited|400|不接受 Java 序列化的对象变量：出于安全原因，对象只能以 JSON 提交。",
      "500|IllegalArgumentException|Cannot create file without filename! Please set a name into ValueInfo with key filename|400|文件变量缺少文件名（valueInfo.filename）。",
      "500|IllegalArgumentException|Cannot create file without valueInfo.|400|文件变量缺少文件名（valueInfo.filename）。",
      "500|InvalidRequestException|ENGINE-13054 The number of job retries must be a non-negative Integer, but '-1' has been provided.|400|重试次数不能为负数。",
      "500|ProcessEngineException|maxResults is not greater than or equal to 0|400|数量参数必须为正数。",
      "400|BadUserRequestException|ExternalTask with id 'x' cannot be completed by worker 'w'. It is locked by worker 'null'.|400|该外部任务未被此工作者锁定，不能由其办理。",
      "400|InvalidRequestException|Cannot modify variables for task: Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer|400|值“abc”不是有效的整数。",
      "400|InvalidRequestException|Cannot modify variables for task: Cannot convert value 'yesterday' of type 'Date' to java type java.util.Date|400|值“yesterday”不是有效的日期时间（如 2026-07-01T00:00:00.000+0800）。",
      "400|InvalidRequestException|Cannot modify variables for task: Unsupported value type 'Nonsense'|400|不支持的变量类型“Nonsense”。",
      "500|RestException|Cannot get task variable x: Cannot deserialize object in variable 'x': SPIN/JACKSON-JSON-01004 Unable to map object|400|变量“x”的值格式无效，无法读取。",
      "400|InvalidRequestException|Cannot set query parameter 'sortBy' to value 'foo'|400|查询参数 sortBy 的值“foo”无效。",
      "400|InvalidRequestException||400|请求体不是有效的 JSON，或字段的类型不正确。",
      "404|QueryParamException|HTTP 404 Not Found|400|查询参数格式不正确。",
      "415|NotSupportedException|HTTP 415 Unsupported Media Type|415|请求的内容类型不受支持：请以 application/json 发送。",
      "405|NotAllowedException|HTTP 405 Method Not Allowed|405|该地址不支持此请求方法。",
      "409|OptimisticLockingException|ENGINE-03005 Execution of 'UPDATE TaskEntity[1]' failed. Entity was updated by another transaction concurrently.|409|数据已被他人同时修改，请刷新后重试。",
      "500|ProcessEnginePersistenceException|Cannot instantiate process definition decision-tracking:1: An exception occurred in the persistence layer. Please check the server logs for a detailed message and the entire exception stack trace.|503|数据库暂时无法访问，本次操作未保存，请稍后重试。",
      "500|ProcessEngineException|org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection: HikariPool-1 - Connection is not available, request timed out after 30000ms.|503|数据库暂时无法访问，本次操作未保存，请稍后重试。",
      // Spring's transaction failures, answered by Camunda's generic handler with their class name (.ci/cluster e)
      "500|TransactionSystemException|Commit exception overridden by rollback exception|503|数据库暂时无法访问，本次操作未保存，请稍后重试。",
      "500|TransactionSystemException|JDBC rollback failed|503|数据库暂时无法访问，本次操作未保存，请稍后重试。",
      "500|CannotCreateTransactionException|Could not open JDBC Connection for transaction|503|数据库暂时无法访问，本次操作未保存，请稍后重试。",
      "500|UncategorizedSQLException|Commit exception overridden by rollback exception|503|数据库暂时无法访问，本次操作未保存，请稍后重试。",
      // the mappers' own 503 keeps its status (a Chinese reason otherwise counts as a refusal, 400)
      "503|ServerError|数据库暂时无法访问，本次操作未保存，请稍后重试。|503|数据库暂时无法访问，本次操作未保存，请稍后重试。",
      // anything else: by status, the English never shown
      "500|ProcessEngineException|ENGINE-99999 Something internal at org.camunda.bpm.engine.impl.Foo|500|服务器内部错误，请稍后重试或联系管理员。",
      "400|InvalidRequestException|Some new English message of a future version|400|请求无效，请检查提交的数据。"
  })
  void translatesEngineMessages(int status, String type, String message, int expectedStatus, String expected) {
    Translation t = EngineErrorMessages.translate(status, type, message);
    assertThat(t.message()).isEqualTo(expected);
    assertThat(t.status()).isEqualTo(expectedStatus);
    assertThat(t.type()).doesNotContain("NullValue", "RestException", "IllegalArgument", "NotSupported", "QueryParam");
  }

  @Test
  void everyRuleTextIsChineseAndNamesNoClass() {
    for (EngineErrorMessages.Rule rule : EngineErrorMessages.RULES) {
      java.util.regex.Matcher m = rule.pattern().matcher("x");
      String text;
      try {
        text = rule.text().apply(m);
      } catch (IllegalStateException | IndexOutOfBoundsException e) {
        continue; // texts built from groups are covered by the table above
      }
      assertThat(text).as(rule.pattern().pattern()).matches("(?s).*\\p{IsHan}.*").doesNotContain("Exception", "java.", "org.");
    }
  }

  @Test
  void keepsTheFieldsTheWebappsReadOfAnAuthorizationException() {
    byte[] original = ("{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'ducha' does not have one of the "
        + "following permissions: 'TASK_WORK' permission on resource 't1' of type 'Task'\",\"code\":0,\"userId\":\"ducha\","
        + "\"missingAuthorizations\":[{\"permissionName\":\"TASK_WORK\",\"resourceName\":\"Task\",\"resourceId\":\"t1\"}]}")
        .getBytes(StandardCharsets.UTF_8);
    EngineErrorTranslationFilter.Result result = EngineErrorTranslationFilter.translate(403, original);
    String body = new String(result.body(), StandardCharsets.UTF_8);
    assertThat(result.status()).isEqualTo(403);
    assertThat(body).contains("\"type\":\"AuthorizationException\"", "您无权认领或办理此任务", "\"missingAuthorizations\":[{")
        .doesNotContain("does not have");
  }

  @Test
  void anErrorThatIsNotJsonIsAnsweredByItsStatus() {
    EngineErrorTranslationFilter.Result result = EngineErrorTranslationFilter.translate(404,
        "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(result.body(), StandardCharsets.UTF_8)).contains("请求的地址或资源不存在").doesNotContain("html");
  }
}

package cn.jiyuan.decisionreview.security;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translation table for the engine REST API's error messages. Every
 * error answer of {@code /engine-rest} and {@code /camunda/api/engine} passes through here: the message a
 * person reads becomes Chinese, engine wording and internal class names disappear, and the refusals of bad
 * input that the engine answers with 500 become the 4xx they are.
 *
 * <p>How a message is translated, in order:
 * <ol>
 *   <li>An operation prefix the REST resources put in front of the real reason ("Cannot submit task form
 *       &lt;id&gt;: ", "Cannot complete task &lt;id&gt;: ", …, see {@link #PREFIXES}) is removed, repeatedly.</li>
 *   <li>A reason that already is Chinese (the project's form rules) is kept as it is.</li>
 *   <li>Otherwise the first {@link #RULES rule} whose pattern is found in the message gives the Chinese text
 *       and, for known bad input the engine answers with 500, the proper status.</li>
 *   <li>Otherwise a Chinese text by status ({@link ErrorTexts}); the English original is only logged.</li>
 * </ol>
 * A 5xx stays a 5xx unless a rule says the input was at fault.
 */
public final class EngineErrorMessages {

  /** The result: status, the engine's error type (kept where the webapps branch on it) and the Chinese message. */
  public record Translation(int status, String type, String message) {}

  record Rule(Pattern pattern, Integer status, Function<Matcher, String> text) {
    static Rule of(String regex, Integer status, String text) {
      return new Rule(Pattern.compile(regex, Pattern.DOTALL), status, m -> text);
    }

    static Rule of(String regex, Integer status, Function<Matcher, String> text) {
      return new Rule(Pattern.compile(regex, Pattern.DOTALL), status, text);
    }
  }

  /** Operation prefixes of the REST resources, e.g. TaskResourceImpl's "Cannot submit task form " + id + ": ". */
  static final List<Pattern> PREFIXES = List.of(
      Pattern.compile("^Cannot (?:submit task form|complete task|resolve task|modify variables for (?:task|process instance|execution)"
          + "|instantiate process definition|submit form|start process instance|get task variable|get process instance variable"
          + "|get execution variable|trigger message \\S+ for execution|correlate message \\S+|delete task|claim task)"
          + "(?: [^:\\s]+)?:\\s*", Pattern.CASE_INSENSITIVE),
      Pattern.compile("^ENGINE-03051 There was an exception while invoking the \\w+\\. Message: '(?:Exception while invoking \\w+: )?"),
      Pattern.compile("^Exception while invoking \\w+: "));

  private static final Map<String, String> VALUE_TYPES = Map.ofEntries(
      Map.entry("Integer", "整数"), Map.entry("Long", "整数"), Map.entry("Short", "整数"), Map.entry("Double", "数字"),
      Map.entry("Boolean", "布尔值（true 或 false）"), Map.entry("Date", "日期时间（如 2026-07-01T00:00:00.000+0800）"),
      Map.entry("String", "文本"), Map.entry("Json", "JSON"), Map.entry("Bytes", "字节数据"), Map.entry("File", "文件"));

  /** What a caller reads when the database cannot be reached; shared with {@link ApiExceptionHandler}. */
  static final String DATABASE_UNAVAILABLE = "数据库暂时无法访问，本次操作未保存，请稍后重试。";

  /** The table. Order matters: the first match wins. */
  static final List<Rule> RULES = List.of(
      // --- who may do what ---
      // The engine names the permissions that would have allowed the call; the first one says what was tried.
      Rule.of("'([A-Z_]+)' permission on resource '[^']*' of type '(\\w+)'", 403,
          m -> authorizationText(m.group(1), m.group(2))),
      Rule.of("does not have .*permission|The user with id '[^']*' does not have", 403, "您无权执行此操作。"),
      Rule.of("is already claimed by someone else|already claimed by", 409, "该任务已被他人认领。"),
      // --- things that do not exist (often answered 500 by the engine) ---
      Rule.of("Cannot find task with id|No task found for task id|No matching task with id|task is null|Task with id \\S+ does not exist|No task exists with taskId",
          404, "任务不存在或已办结。"),
      Rule.of("execution \\S+ doesn't exist|Execution with id '?\\S+'? does not exist|No processInstance exists|process ?instance is null"
          + "|Process instance with id \\S+ does not exist|No execution found|execution is null", 404,
          "流程实例不存在或已结束。"),
      Rule.of("does not have a subscription to a message event with name '([^']*)'", 400,
          m -> "该执行没有等待消息“" + m.group(1) + "”。"),
      Rule.of("Cannot correlate message '?([^':]*)'?: No process definition or execution matches the parameters|Cannot correlate a message with name '([^']*)' to a single",
          400, "没有可接收该消息的流程。"),
      Rule.of("[Nn]o (?:deployed )?process definition found|process definition (?:with|for) (?:key|id) \\S+ (?:does not exist|not found)"
          + "|No matching process definition|No matching definition", 404, "流程定义不存在。"),
      Rule.of("Job with id \\S+ does not exist|No job found with id|job is null|Cannot find job with id", 404, "作业不存在。"),
      Rule.of("Job definition with id \\S+ does not exist|job definition is null", 404, "作业定义不存在。"),
      Rule.of("External task with id \\S+ does not exist|externalTask is null|Cannot find external task with id", 404, "外部任务不存在。"),
      Rule.of("Incident with id \\S+ does not exist|incident is null|Cannot find an incident with id", 404, "事件（incident）不存在。"),
      Rule.of("No comment exists with commentId|Task comment with id \\S+ does not exist", 404, "评论不存在。"),
      Rule.of("No attachment exists|Deletion is not possible\\. No attachment exists|attachment with id \\S+ does not exist", 404,
          "附件不存在。"),
      Rule.of("Filter with id \\S+ does not exist|No filter found|filter is null", 404, "过滤器不存在。"),
      Rule.of("variable with name \\S+ (?:does not exist|not found)|variable \\S+ not present|Variable instance with Id \\S+ does not exist",
          404, "变量不存在。"),
      Rule.of("HTTP 404 Not Found", 404, "请求的地址或资源不存在。"),
      // --- malformed or refused values ---
      Rule.of("Java serialization format is prohibited|Cannot set variable with name \\S+\\. Java serialization", 400,
          "不接受 Java 序列化的对象变量：出于安全原因，对象只能以 JSON 提交。"),
      Rule.of("(?:is not whitelisted|is not allowed) for deserialization|ENGINE-03064", 400, "不允许的对象类型：该变量不能被读取。"),
      Rule.of("Cannot create file without (?:filename|valueInfo)", 400, "文件变量缺少文件名（valueInfo.filename）。"),
      Rule.of("number of (?:job )?retries must be a non-negative|[Rr]etries (?:must|should) be (?:a )?non-negative|retries is not greater than or equal to 0",
          400, "重试次数不能为负数。"),
      Rule.of("(\\w+) is not greater than(?: or equal to)? 0|(\\w+) must be (?:a )?(?:positive|non-negative)", 400,
          "数量参数必须为正数。"),
      Rule.of("cannot be (?:completed|failed|extended|unlocked|reported)[^.]* by worker '[^']*'\\. It is locked by worker", 400,
          "该外部任务未被此工作者锁定，不能由其办理。"),
      Rule.of("Cannot convert value '([^']{0,40})[^']*' of type '(\\w+)' to java type", 400,
          m -> "值“" + m.group(1) + "”不是有效的" + VALUE_TYPES.getOrDefault(m.group(2), m.group(2)) + "。"),
      Rule.of("Unsupported value type '([^']{0,40})", 400, m -> "不支持的变量类型“" + m.group(1) + "”。"),
      Rule.of("Must provide 'null' or String value for value of SerializableValue type '([^']*)'", 400,
          m -> "对象变量的值必须是文本（序列化后的 JSON）。"),
      Rule.of("Cannot deserialize object in variable '([^']*)'|Unable to parse input into json node|SPIN/JACKSON-JSON", 400,
          m -> m.groupCount() >= 1 && m.group(1) != null ? "变量“" + m.group(1) + "”的值格式无效，无法读取。" : "JSON 值格式无效。"),
      Rule.of("Cannot set query parameter '([^']{0,40})' to value '([^']{0,40})", 400,
          m -> "查询参数 " + m.group(1) + " 的值“" + m.group(2) + "”无效。"),
      Rule.of("Cannot set query (?:parameter|property) '?([\\w.]{0,40})", 400, m -> "查询参数 " + m.group(1) + " 无效。"),
      Rule.of("sortOrder parameter has invalid value|Only a single sorting parameter specified|sortBy|sorting", 400,
          "排序参数无效。"),
      // a start or completion without data the model needs (e.g. a candidate group ${unit}): the caller's omission
      Rule.of("Unknown property used in expression: \\$\\{([^}]{1,60})\\}", 400,
          m -> "缺少办理所需的数据（" + m.group(1) + "）：请在发起或提交时一并提供。"),
      Rule.of("Not enough parameters submitted|Process instance id and task id is null|Task id is null|is null$|must not be null|cannot be null",
          400, "缺少必需的参数。"),
      Rule.of("The task cannot be deleted because is part of a running process", 400, "流程中的任务不能删除，只能办理。"),
      Rule.of("Cannot delete task|cannot be deleted", 400, "该任务不能删除。"),
      Rule.of("No content or url to remote content exists", 400, "附件缺少内容或链接。"),
      Rule.of("History is not enabled", 400, "历史记录未启用。"),
      Rule.of("String value length .* exceeds the maximum|Number value length .* exceeds the maximum|Document nesting depth .* exceeds the maximum",
          400, "请求体的 JSON 过大、嵌套过深或数字过长。"),
      Rule.of("HTTP 415 Unsupported Media Type", 415, "请求的内容类型不受支持：请以 application/json 发送。"),
      Rule.of("HTTP 405 Method Not Allowed", 405, "该地址不支持此请求方法。"),
      Rule.of("HTTP 406 Not Acceptable", 406, "无法以所请求的格式返回结果：请接受 application/json。"),
      Rule.of("OptimisticLockingException|was updated by another transaction concurrently|ENGINE-03005", 409,
          "数据已被他人同时修改，请刷新后重试。"),
      // The database went away mid-call (restart, network): the transaction rolled back, nothing was stored, and
      // the caller may simply try again; not a 500 (the cluster's PostgreSQL-restart test met this).
      Rule.of("An exception occurred in the persistence layer|PSQLException|Could not open JDBC Connection"
          + "|Connection is not available, request timed out|An I/O error occurred while sending to the backend"
          + "|Commit exception overridden by rollback exception|JDBC (?:commit|rollback) failed"
          + "|Could not (?:commit|roll back) JDBC transaction|This connection has been closed"
          + "|JdbcSQLNonTransientConnectionException|Database is already closed", 503,
          DATABASE_UNAVAILABLE),
      Rule.of("Suspended|is suspended|ENGINE-1300[0-9]", 409, "流程或任务已挂起，暂不能办理。"));

  private EngineErrorMessages() {}

  /** The Chinese refusal for the first permission an AuthorizationException lists. */
  static String authorizationText(String permission, String resourceType) {
    switch (resourceType) {
      case "Filter" -> {
        return permission.startsWith("READ") ? "您无权查看该任务过滤器。" : "您无权创建、修改或删除任务过滤器。";
      }
      case "User", "Group", "GroupMembership", "Authorization", "Tenant", "TenantMembership", "Deployment", "System" -> {
        return permission.startsWith("READ") ? "您无权查看该资源。" : "您无权执行此管理操作。";
      }
      case "Batch" -> {
        return "您无权执行批量操作。";
      }
      default -> {
        // process definitions, instances, tasks, jobs, decisions …
      }
    }
    return switch (permission) {
      case "TASK_WORK" -> "您无权认领或办理此任务。";
      case "TASK_ASSIGN" -> "您无权指派此任务（指定办理人、委托或增减候选人）。";
      case "UPDATE_VARIABLE", "UPDATE_TASK_VARIABLE", "UPDATE_INSTANCE_VARIABLE" -> "您无权修改这些变量。";
      case "CREATE_INSTANCE" -> "您无权发起此流程。";
      case "DELETE", "DELETE_INSTANCE", "DELETE_HISTORY" -> "您无权删除该资源。";
      case "READ", "READ_INSTANCE", "READ_HISTORY", "READ_TASK", "READ_VARIABLE", "READ_INSTANCE_VARIABLE",
          "READ_HISTORY_VARIABLE", "READ_TASK_VARIABLE" -> "您无权查看该资源。";
      default -> "Task".equals(resourceType) ? "您无权修改此任务。" : "您无权修改此流程实例（包括其作业、事件与变量）。";
    };
  }

  public static Translation translate(int status, String type, String message) {
    String reason = stripPrefixes(message == null ? "" : message.trim());
    if (DATABASE_UNAVAILABLE.equals(reason)) {
      return new Translation(503, typeFor(503, type), reason); // a mapper's own 503 (RestValidationExceptionMapper)
    }
    if (isChinese(reason)) {
      // A project refusal (form rule) wrapped by the REST resource: it is the caller's input that was refused.
      int fixed = status >= 500 ? 400 : status;
      return new Translation(fixed, typeFor(fixed, type), reason);
    }
    if ("QueryParamException".equals(type)) {
      return new Translation(400, "InvalidRequestException", "查询参数格式不正确。");
    }
    if ("OptimisticLockingException".equals(type)) {
      return new Translation(409, type, "数据已被他人同时修改，请刷新后重试。");
    }
    if ("TransactionSystemException".equals(type) || "CannotCreateTransactionException".equals(type)) {
      // Spring's transaction failed to begin or to commit (the database went away): Camunda's generic handler made
      // it a 500 named by its class; see DatabaseFailures
      return new Translation(503, typeFor(503, type), DATABASE_UNAVAILABLE);
    }
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(reason);
      if (m.find()) {
        int fixed = rule.status() == null ? status : rule.status();
        return new Translation(fixed, typeFor(fixed, type), rule.text().apply(m));
      }
    }
    if (status == 400 && reason.isEmpty()) {
      return new Translation(400, typeFor(400, type), "请求体不是有效的 JSON，或字段的类型不正确。");
    }
    return new Translation(status, typeFor(status, type), ErrorTexts.forStatus(status));
  }

  /** Removes the REST resources' operation prefixes ("Cannot submit task form &lt;id&gt;: " …), repeatedly. */
  static String stripPrefixes(String message) {
    String current = message;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Pattern prefix : PREFIXES) {
        Matcher m = prefix.matcher(current);
        if (m.find() && m.end() < current.length()) {
          current = current.substring(m.end());
          changed = true;
        }
      }
    }
    if (current.endsWith("'") && message.contains("Message: '")) {
      current = current.substring(0, current.length() - 1);
    }
    return current.trim();
  }

  public static boolean isChinese(String text) {
    return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /**
   * The type keeps the engine's vocabulary the webapps read: AuthorizationException on 403 (Tasklist and Cockpit
   * branch on it), FormFieldValidationException for form refusals; anything else, including internal class
   * names such as NullValueException, becomes InvalidRequestException (4xx) or ServerError (5xx).
   */
  static String typeFor(int status, String original) {
    if (status == 403) {
      return "AuthorizationException";
    }
    if (status >= 500) {
      return "ServerError";
    }
    if ("FormFieldValidationException".equals(original) || "OptimisticLockingException".equals(original)) {
      return original;
    }
    return "InvalidRequestException";
  }
}

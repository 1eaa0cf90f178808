-- 通知发件箱：流程步骤与其通知在同一事务中写入（同时提交或同时回滚），由发送器在事务之外投递。
-- 同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
-- dedupe_key = kind|taskId（无任务时为流程实例 id）|channel|recipient：同一任务、同一类型、同一收件人至多一条，
-- 多节点同时写入时由唯一约束保证。
CREATE TABLE dr_notification (
  id                  VARCHAR(64)   PRIMARY KEY,
  kind                VARCHAR(32)   NOT NULL,
  task_id             VARCHAR(64),
  process_instance_id VARCHAR(64),
  decision_number     VARCHAR(200),
  channel             VARCHAR(16)   NOT NULL,
  recipient           VARCHAR(320)  NOT NULL,
  subject             VARCHAR(500)  NOT NULL,
  body                VARCHAR(8000) NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  attempts            INT           DEFAULT 0 NOT NULL,
  next_attempt_at     TIMESTAMP     NOT NULL,
  last_error          VARCHAR(2000),
  created_at          TIMESTAMP     NOT NULL,
  sent_at             TIMESTAMP,
  dedupe_key          VARCHAR(600)  NOT NULL,
  CONSTRAINT dr_notification_dedupe_uk UNIQUE (dedupe_key),
  CONSTRAINT dr_notification_kind_check CHECK (kind IN
    ('TASK_AVAILABLE', 'REMINDER', 'OVERDUE', 'EVALUATION_STARTED', 'REPORT_RESOLVED')),
  CONSTRAINT dr_notification_channel_check CHECK (channel IN ('MAIL', 'WEBHOOK', 'LOG')),
  CONSTRAINT dr_notification_status_check CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'))
);
-- 发送器按 status 与 next_attempt_at 取到期的行；撤销按 task_id。
CREATE INDEX dr_notification_due_idx ON dr_notification (status, next_attempt_at);
CREATE INDEX dr_notification_task_idx ON dr_notification (task_id);

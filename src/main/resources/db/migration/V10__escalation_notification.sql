-- 第 2 次起的督办通知为单独的类型 ESCALATION（去重键含督办级别，每级每个收件人一条）；第 1 次督办仍为 OVERDUE，
-- 与本版本之前写入的逾期通知去重键相同，升级后不会重发。同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
ALTER TABLE dr_notification DROP CONSTRAINT dr_notification_kind_check;
ALTER TABLE dr_notification ADD CONSTRAINT dr_notification_kind_check CHECK (kind IN
  ('TASK_AVAILABLE', 'REMINDER', 'OVERDUE', 'ESCALATION', 'EVALUATION_STARTED', 'REPORT_RESOLVED'));

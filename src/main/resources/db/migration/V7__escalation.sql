-- 督办记录：逾期任务每升级一次写一行（第一次为第 1 级）。截止日期监视据此记住已升级到哪一级、下一次何时到期，
-- 不必每分钟重新查询全部逾期任务；督办视图与审计据此显示每次督办。同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
-- (task_id, escalation_level) 唯一：多节点同时扫描时同一级只记一次。
CREATE TABLE dr_escalation (
  task_id              VARCHAR(64)   NOT NULL,
  escalation_level     INT           NOT NULL,
  process_instance_id  VARCHAR(64),
  decision_number      VARCHAR(200),
  escalated_at         TIMESTAMP     NOT NULL,
  working_days_overdue INT           NOT NULL,
  recipients           VARCHAR(2000) NOT NULL,
  next_escalation_at   TIMESTAMP,
  CONSTRAINT dr_escalation_pk PRIMARY KEY (task_id, escalation_level),
  CONSTRAINT dr_escalation_level_check CHECK (escalation_level >= 1)
);
CREATE INDEX dr_escalation_pi_idx ON dr_escalation (process_instance_id);
CREATE INDEX dr_escalation_next_idx ON dr_escalation (next_escalation_at);

-- 催办记录：每个任务在跟进日期过后至多催办一次，催办时在同一事务中写一行。截止日期监视据此跳过已催办的任务，
-- 不必每分钟重新读取、重新组装它们（此前以发件箱中有无 REMINDER 通知判断，没有收件人的任务每分钟都被重读）。
-- 主键 task_id：多节点同时扫描时只有一个节点写入并发出通知。同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
CREATE TABLE dr_task_reminder (
  task_id     VARCHAR(64) NOT NULL,
  reminded_at TIMESTAMP   NOT NULL,
  CONSTRAINT dr_task_reminder_pk PRIMARY KEY (task_id)
);
-- 升级前已催办的任务（发件箱中已有 REMINDER 通知）不再重复处理。
INSERT INTO dr_task_reminder (task_id, reminded_at)
  SELECT task_id, MIN(created_at) FROM dr_notification
  WHERE kind = 'REMINDER' AND task_id IS NOT NULL GROUP BY task_id;

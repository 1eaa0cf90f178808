-- 已登记的重大行政决策：每个决策文号一行（规范写法，见 tracking/DecisionNumber.java），主键保证同一文号只登记一次。
-- 登记（decision-tracking 的开始监听器）在与流程启动相同的事务中插入该行：并发的重复登记中，后提交者违反主键，
-- 整个启动回滚。跟踪结束（TERMINATED、COMPLETED）后该行保留，文号不能再次登记；跟踪实例被管理员删除的，
-- 再次登记时收回该文号。
-- 今后作为决策名录的读模型（issue 13）扩充：下次评估、最近一次评估等列。同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
-- 已有数据库中的跟踪实例由 V5_1（tracking/V5_1__Backfill_decision_register.java）补登。
CREATE TABLE dr_decision (
  decision_number     VARCHAR(200)  PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  title               VARCHAR(500),
  category            VARCHAR(32),
  executing_unit      VARCHAR(64),
  status              VARCHAR(16)   NOT NULL,
  registered_at       TIMESTAMP     NOT NULL,
  updated_at          TIMESTAMP     NOT NULL,
  CONSTRAINT dr_decision_process_instance_uk UNIQUE (process_instance_id),
  CONSTRAINT dr_decision_status_check CHECK (status IN ('TRACKING', 'EVALUATING', 'SUSPENDED', 'TERMINATED', 'COMPLETED'))
);
-- 执行单位只看本单位的决策；名录按单位和状态筛选。
CREATE INDEX dr_decision_unit_idx ON dr_decision (executing_unit, status);

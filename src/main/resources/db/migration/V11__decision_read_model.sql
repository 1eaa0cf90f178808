-- 决策名录的读模型（issue 13）：GET /api/decisions 的一页只读 dr_decision，不再查询引擎。各列由流程在改变它们的
-- 同一事务中写入（tracking/TrackingState → TrackedDecisions.refresh）；detail 保存名录每项的明细（评估安排、
-- 已完成的评估、评估申请、最近一次执行评估日期）的 JSON，与跟踪实例的流程变量一致。偏离时管理员以
-- POST /api/admin/decision-register/rebuild 从引擎历史重建。本脚本之前已有的行 detail 为空，启动时由
-- DecisionRegisterRebuild 从引擎历史补齐。同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
ALTER TABLE dr_decision ADD COLUMN implementation_start DATE;
ALTER TABLE dr_decision ADD COLUMN implementation_end DATE;
-- 下一项待启动的计划评估（第十九条）；跟踪结束或没有待启动的计划评估时为空。
ALTER TABLE dr_decision ADD COLUMN next_evaluation_type VARCHAR(16);
ALTER TABLE dr_decision ADD COLUMN next_evaluation_due DATE;
ALTER TABLE dr_decision ADD COLUMN next_evaluation_basis VARCHAR(64);
-- 最近一次登记的评估或免于评估（第十六条、第二十条）：类型、完成日期、处理结果（免评为 WAIVED）。
ALTER TABLE dr_decision ADD COLUMN last_evaluation_type VARCHAR(16);
ALTER TABLE dr_decision ADD COLUMN last_evaluation_completed DATE;
ALTER TABLE dr_decision ADD COLUMN last_evaluation_outcome VARCHAR(32);
ALTER TABLE dr_decision ADD COLUMN detail TEXT;

-- 名录的排序与筛选（每一种排序都以文号作为最后的排序键，分页才稳定）。
CREATE INDEX dr_decision_registered_idx ON dr_decision (registered_at, decision_number);
CREATE INDEX dr_decision_next_due_idx ON dr_decision (next_evaluation_due, decision_number);
-- 按下次评估日期降序时没有下次评估的排在最后：索引须与之同序，PostgreSQL 才能按索引顺序读取。
CREATE INDEX dr_decision_next_due_desc_idx ON dr_decision (next_evaluation_due DESC NULLS LAST, decision_number DESC);
CREATE INDEX dr_decision_category_idx ON dr_decision (category, status);
CREATE INDEX dr_decision_title_idx ON dr_decision (title, decision_number);
CREATE INDEX dr_decision_status_idx ON dr_decision (status, registered_at);

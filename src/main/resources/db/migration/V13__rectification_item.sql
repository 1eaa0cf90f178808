-- 整改事项（第十六条、第十七条）：决策机关审定通过评估报告时，每条整改建议一行（不采纳的也记录，状态 REJECTED），
-- 由整改流程（rectification）推进到办结；督办、年度考核、决策登记查询和下一次评估都从这里读取。
-- 同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
CREATE TABLE dr_rectification_item (
  id                        VARCHAR(64)    PRIMARY KEY,
  evaluation_instance_id    VARCHAR(64)    NOT NULL,
  tracking_instance_id      VARCHAR(64),
  decision_number           VARCHAR(200)   NOT NULL,
  seq                       INTEGER        NOT NULL,
  original_text             VARCHAR(5000)  NOT NULL,
  item_text                 VARCHAR(5000)  NOT NULL,
  authority_decision        VARCHAR(20)    NOT NULL CHECK (authority_decision IN ('ACCEPT', 'MODIFY', 'REJECT')),
  decided_by                VARCHAR(64),
  responsible_unit          VARCHAR(200)   NOT NULL,
  kind                      VARCHAR(40)    NOT NULL CHECK (kind IN
                              ('DECISION_CONTENT', 'SUPPORTING_RULES', 'ENFORCEMENT', 'ADMINISTRATION', 'OTHER')),
  deadline_working_days     INTEGER        NOT NULL,
  due_at                    TIMESTAMP,
  status                    VARCHAR(20)    NOT NULL CHECK (status IN
                              ('OPEN', 'SUBMITTED', 'RETURNED', 'CLOSED', 'REJECTED')),
  rectification_instance_id VARCHAR(64),
  measures                  VARCHAR(5000),
  evidence                  VARCHAR(5000),
  unit_status               VARCHAR(20)    CHECK (unit_status IN ('DONE', 'PARTIAL', 'IMPOSSIBLE')),
  unit_reason               VARCHAR(5000),
  reported_by               VARCHAR(64),
  reported_at               TIMESTAMP,
  review_outcome            VARCHAR(20)    CHECK (review_outcome IN ('ACCEPT', 'RETURN')),
  review_remark             VARCHAR(5000),
  reviewed_by               VARCHAR(64),
  reviewed_at               TIMESTAMP,
  return_count              INTEGER        DEFAULT 0 NOT NULL,
  created_at                TIMESTAMP      NOT NULL,
  closed_at                 TIMESTAMP,
  CONSTRAINT dr_rectification_item_seq UNIQUE (evaluation_instance_id, seq)
);
CREATE INDEX dr_rectification_item_tracking ON dr_rectification_item (tracking_instance_id);
CREATE INDEX dr_rectification_item_decision ON dr_rectification_item (decision_number);
CREATE INDEX dr_rectification_item_unit ON dr_rectification_item (responsible_unit, status);

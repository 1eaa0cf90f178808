-- 公众参与（第六条、第八条第（三）项、第十二条、第十五条、第二十三条）。同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
-- 公众页面不登录，每秒可能有上千次提交：问卷、答卷与意见存在项目表中，而不是流程变量里，提交不经过流程引擎。
-- 客户端地址只以加盐散列保存（第二十三条），用于限流与重复提交识别；员工导出不含地址数据。

-- 网上问卷：制定调查提纲和问卷完成时与流程同一事务写入；survey_id 即流程变量 surveyId（不可猜测）。
CREATE TABLE dr_survey (
  survey_id           VARCHAR(64)     PRIMARY KEY,
  process_instance_id VARCHAR(64)     NOT NULL,
  decision_number     VARCHAR(200)    NOT NULL,
  decision_title      VARCHAR(500),
  evaluation_type     VARCHAR(32),
  title               VARCHAR(500)    NOT NULL,
  questions           VARCHAR(200000) NOT NULL,
  opens_at            TIMESTAMP       NOT NULL,
  closes_at           TIMESTAMP       NOT NULL,
  -- 提前结束征集（员工操作）或期满汇总时写入。
  closed_at           TIMESTAMP,
  created_at          TIMESTAMP       NOT NULL,
  CONSTRAINT dr_survey_process_instance_uk UNIQUE (process_instance_id)
);

-- 答卷：receipt 是给公众的回执号。answers_hash 与 client_hash 识别同一地址的重复提交。
CREATE TABLE dr_survey_response (
  receipt      VARCHAR(32)     PRIMARY KEY,
  survey_id    VARCHAR(64)     NOT NULL,
  answers      VARCHAR(200000) NOT NULL,
  answers_hash VARCHAR(64)     NOT NULL,
  client_hash  VARCHAR(64)     NOT NULL,
  submitted_at TIMESTAMP       NOT NULL,
  CONSTRAINT dr_survey_response_survey_fk FOREIGN KEY (survey_id) REFERENCES dr_survey (survey_id)
);
CREATE INDEX dr_survey_response_survey_idx ON dr_survey_response (survey_id, submitted_at);
CREATE INDEX dr_survey_response_duplicate_idx ON dr_survey_response (survey_id, client_hash, answers_hash);
-- 保存期限到期清理按提交时间。
CREATE INDEX dr_survey_response_submitted_idx ON dr_survey_response (submitted_at);

-- 公众意见：按决策文号（规范写法）统计滚动窗口内的条数，达到 evaluationTrigger 的门槛时由系统提出评估申请。
CREATE TABLE dr_public_opinion (
  receipt         VARCHAR(32)   PRIMARY KEY,
  decision_number VARCHAR(200)  NOT NULL,
  category        VARCHAR(16)   NOT NULL,
  opinion_text    VARCHAR(8000) NOT NULL,
  contact         VARCHAR(200),
  client_hash     VARCHAR(64)   NOT NULL,
  submitted_at    TIMESTAMP     NOT NULL,
  CONSTRAINT dr_public_opinion_category_check CHECK (category IN ('IMPLEMENTATION', 'EFFECT', 'PROBLEM', 'SUGGESTION'))
);
CREATE INDEX dr_public_opinion_decision_idx ON dr_public_opinion (decision_number, submitted_at);
CREATE INDEX dr_public_opinion_submitted_idx ON dr_public_opinion (submitted_at);

-- 第八条第（三）项：每个决策在一个窗口内至多由系统提出一次申请。raised_at 的条件更新使多节点下也只有一个成功。
CREATE TABLE dr_opinion_trigger (
  decision_number     VARCHAR(200) PRIMARY KEY,
  raised_at           TIMESTAMP    NOT NULL,
  opinion_count       INT          NOT NULL,
  process_instance_id VARCHAR(64)
);

-- 决策机关选择公开的评估摘要（决策机关审定时选择）；公众页面只读这张表。
CREATE TABLE dr_published_summary (
  process_instance_id VARCHAR(64)   PRIMARY KEY,
  decision_number     VARCHAR(200)  NOT NULL,
  decision_title      VARCHAR(500),
  evaluation_type     VARCHAR(32),
  grade               VARCHAR(32),
  outcome             VARCHAR(32),
  key_findings        VARCHAR(8000),
  summary             VARCHAR(8000) NOT NULL,
  approved_at         TIMESTAMP     NOT NULL
);
CREATE INDEX dr_published_summary_approved_idx ON dr_published_summary (approved_at);

-- 地址散列的盐：首次启动时随机生成并保存，多节点共用，重启后不变。
CREATE TABLE dr_secret (
  name       VARCHAR(64)  PRIMARY KEY,
  secret     VARCHAR(200) NOT NULL,
  created_at TIMESTAMP    NOT NULL
);

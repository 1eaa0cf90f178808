-- 第五条材料与第十四条报告的持久存储：流程结束后仍可按第二十三条的权限下载。
CREATE TABLE dr_evaluation_material (
  id                  VARCHAR(64)   PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  decision_number     VARCHAR(200)  NOT NULL,
  file_name           VARCHAR(500)  NOT NULL,
  mime_type           VARCHAR(200)  NOT NULL,
  size_bytes          BIGINT        NOT NULL,
  content             BYTEA         NOT NULL,
  uploaded_by         VARCHAR(64),
  uploaded_at         TIMESTAMP     NOT NULL
);
CREATE INDEX dr_evaluation_material_pi ON dr_evaluation_material (process_instance_id);

CREATE TABLE dr_evaluation_report (
  process_instance_id VARCHAR(64)   PRIMARY KEY,
  decision_number     VARCHAR(200)  NOT NULL,
  file_name           VARCHAR(500)  NOT NULL,
  content             BYTEA         NOT NULL,
  is_final            BOOLEAN       NOT NULL,
  updated_at          TIMESTAMP     NOT NULL
);

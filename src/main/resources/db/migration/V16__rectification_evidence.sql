-- 整改事项的佐证材料（第十七条）：责任单位在“落实整改事项”中上传的文件，市司法局在“整改情况审核”中查阅。
-- 与评估材料（V3）同一形式；整改流程结束后仍可按权限下载。同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
CREATE TABLE dr_rectification_evidence (
  id                  VARCHAR(64)   PRIMARY KEY,
  item_id             VARCHAR(64)   NOT NULL REFERENCES dr_rectification_item (id),
  decision_number     VARCHAR(200)  NOT NULL,
  file_name           VARCHAR(500)  NOT NULL,
  mime_type           VARCHAR(200)  NOT NULL,
  size_bytes          BIGINT        NOT NULL,
  content             BYTEA         NOT NULL,
  uploaded_by         VARCHAR(64),
  uploaded_at         TIMESTAMP     NOT NULL
);
CREATE INDEX dr_rectification_evidence_item ON dr_rectification_evidence (item_id);

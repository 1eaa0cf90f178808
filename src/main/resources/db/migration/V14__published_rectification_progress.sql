-- 第十六条：决策机关在审定时可选择在公开摘要中公布整改建议的落实情况（已落实条数随整改进展更新）。
-- 同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
ALTER TABLE dr_published_summary ADD COLUMN show_rectification BOOLEAN DEFAULT FALSE NOT NULL;

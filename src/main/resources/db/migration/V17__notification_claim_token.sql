-- 发件箱批量认领：发送器用一条 UPDATE 把一批到期的行从 PENDING 改为 SENDING 并写入本次认领的令牌，
-- 再按 id 与令牌读回自己认领到的行（多节点同时认领同一批行时，每行只属于一个令牌）。此前每行各认领一次。
-- 读回按主键 id，故无需索引。同一脚本须在 H2 2.x 与 PostgreSQL 15 上执行。
ALTER TABLE dr_notification ADD COLUMN claim_token VARCHAR(36);

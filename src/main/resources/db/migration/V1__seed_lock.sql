-- 启动时的初始化（用户、用户组、授权、过滤器、演示数据）在持有这一行的行锁时进行，
-- 两个节点同时启动时后者等待前者完成，然后看到已初始化的数据。
CREATE TABLE dr_seed_lock (
  name      VARCHAR(64) PRIMARY KEY,
  seeded_at TIMESTAMP
);
INSERT INTO dr_seed_lock (name, seeded_at) VALUES ('startup', NULL);

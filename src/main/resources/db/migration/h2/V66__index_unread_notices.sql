-- the navigation badge counts an account's unread messages on every page (H2 has no partial index)
CREATE INDEX notice_unread_ix ON notice (account_id, read_at);
